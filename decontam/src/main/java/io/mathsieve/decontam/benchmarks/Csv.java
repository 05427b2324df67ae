package io.mathsieve.decontam.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file (RFC 4180: quoted fields, doubled quotes, newlines inside quotes), through
 * Jackson's CSV module; blank lines are skipped. A malformed file is one error naming its line.
 */
final class Csv {
  private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

  private Csv() {}

  static List<List<String>> read(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(r)) {
      while (it.hasNextValue()) {
        rows.add(it.nextValue());
      }
    } catch (JsonProcessingException e) {
      throw new BenchmarkFileException(file + ":" + (e.getLocation() == null ? 1 : e.getLocation().getLineNr()) + ": not valid CSV ("
          + e.getOriginalMessage() + ")");
    }
    return rows;
  }
}

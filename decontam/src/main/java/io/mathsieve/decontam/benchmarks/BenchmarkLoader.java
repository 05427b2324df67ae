package io.mathsieve.decontam.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads benchmark test sets in their published formats: JSON Lines, JSON arrays, MMLU's headerless
 * CSV, and Parquet through a reader the caller supplies. The format is recognised from the fields
 * of the first record (or the file's name), or given by the user as a list of fields. Every item
 * gets a stable id (file name and line).
 *
 * <pre>{@code
 * List<BenchmarkItem> items = BenchmarkLoader.load(List.of(Path.of("benchmarks/")), List.of(), null);
 * }</pre>
 *
 * <p>A file that is not JSON, lacks a required field, or holds no item is a
 * {@link BenchmarkFileException} naming the file and line; an empty set of benchmarks is an error,
 * never a silent no-op.
 */
public final class BenchmarkLoader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CALCULATOR = Pattern.compile("<<[^<>]*>>");

  private BenchmarkLoader() {}

  /** Reads the rows of a Parquet file as maps of column name to value (strings, numbers, lists). */
  public interface ParquetRows extends Function<Path, Iterator<Map<String, Object>>> {}

  /**
   * Every item of every benchmark file under {@code paths} (files or directories, searched
   * recursively for {@code .jsonl}, {@code .json}, {@code .csv}, {@code .parquet}). {@code fields},
   * when not empty, names the text fields of every file (the generic loader).
   */
  public static List<BenchmarkItem> load(List<Path> paths, List<String> fields, ParquetRows parquet) {
    if (paths.isEmpty()) {
      throw new BenchmarkFileException("no benchmark files given");
    }
    List<BenchmarkItem> items = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new BenchmarkFileException(p + ": benchmark path does not exist");
      }
      List<Path> files = files(p);
      if (files.isEmpty()) {
        throw new BenchmarkFileException(p + ": no benchmark files (*.jsonl, *.json, *.csv, *.parquet)");
      }
      for (Path f : files) {
        items.addAll(loadFile(f, benchmarkName(p, f), fields, parquet));
      }
    }
    if (items.isEmpty()) {
      throw new BenchmarkFileException(paths + ": the benchmark set is empty");
    }
    return items;
  }

  /** The items of one file. */
  public static List<BenchmarkItem> loadFile(Path file, String benchmark, List<String> fields, ParquetRows parquet) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    List<BenchmarkItem> items = new ArrayList<>();
    Parser parser = new Parser(file, benchmark, fields);
    try {
      if (name.endsWith(".csv")) {
        int line = 0;
        for (List<String> row : Csv.read(file)) {
          line++;
          if (row.size() < 2) {
            throw new BenchmarkFileException(file + ":" + line + ": expected MMLU CSV rows (question, A, B, C, D, answer)");
          }
          items.add(new BenchmarkItem(benchmark, file.getFileName() + ":" + line, List.of(String.join("\n", row.subList(0, Math.min(5, row.size()))))));
        }
      } else if (name.endsWith(".parquet")) {
        if (parquet == null) {
          throw new BenchmarkFileException(file + ": Parquet benchmark files need a Parquet reader");
        }
        Iterator<Map<String, Object>> rows = parquet.apply(file);
        int row = 0;
        while (rows.hasNext()) {
          row++;
          items.add(parser.parse(JSON.valueToTree(rows.next()), row));
        }
      } else {
        String firstChar = firstNonBlank(file);
        if ("[".equals(firstChar)) {
          JsonNode array = readJson(file, Files.readString(file, StandardCharsets.UTF_8), 1);
          int i = 0;
          for (JsonNode n : array) {
            items.add(parser.parse(n, ++i));
          }
        } else {
          try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
              number++;
              if (line.isBlank()) {
                continue;
              }
              items.add(parser.parse(readJson(file, line, number), number));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new BenchmarkFileException(file + ": cannot read (" + e.getMessage() + ")");
    } catch (UncheckedIOException e) {
      throw new BenchmarkFileException(file + ": cannot read (" + e.getCause().getMessage() + ")");
    }
    if (items.isEmpty()) {
      throw new BenchmarkFileException(file + ": no benchmark items in the file");
    }
    return items;
  }

  /** Turns records of one file into items, with one format for the whole file. */
  private static final class Parser {
    private final Path file;
    private final String benchmark;
    private final List<String> userFields;
    private BenchmarkFormat format;

    Parser(Path file, String benchmark, List<String> userFields) {
      this.file = file;
      this.benchmark = benchmark;
      this.userFields = userFields;
    }

    BenchmarkItem parse(JsonNode record, int line) {
      String where = file + ":" + line;
      if (!record.isObject()) {
        throw new BenchmarkFileException(where + ": expected a JSON object per item, got " + record.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      List<String> required;
      List<String> optional;
      if (!userFields.isEmpty()) {
        required = userFields;
        optional = List.of();
      } else {
        if (format == null) {
          format = BenchmarkFormat.detect(record);
          if (format == null) {
            format = BenchmarkFormat.fromName(benchmark);
          }
          if (format == null) {
            throw new BenchmarkFileException(where + ": unknown benchmark format (fields " + fieldNames(record)
                + "); name the text fields with --field");
          }
        }
        required = format.required();
        optional = format.optional();
      }
      List<String> parts = new ArrayList<>();
      List<String> requiredParts = new ArrayList<>();
      for (String f : required) {
        String v = value(record, f);
        if (v == null || v.isBlank()) {
          throw new BenchmarkFileException(where + ": expected field '" + f + "' (" + (userFields.isEmpty() ? format + " format, fields "
              + String.join(", ", required) : "--field " + String.join(" --field ", userFields)) + "), got fields " + fieldNames(record));
        }
        parts.add(v);
        requiredParts.add(v);
      }
      for (String f : optional) {
        String v = value(record, f);
        if (v != null && !v.isBlank()) {
          parts.add(v);
        }
      }
      if (parts.isEmpty()) {
        throw new BenchmarkFileException(where + ": no text in any of the fields " + optional);
      }
      // The joined text (n-grams spanning fields), and each required field alone (so that a short
      // question is matched whole even when its answer is long).
      List<String> texts = new ArrayList<>();
      texts.add(String.join("\n", parts));
      if (parts.size() > 1) {
        texts.addAll(requiredParts);
      }
      if (format == BenchmarkFormat.GSM8K) {
        for (String t : List.copyOf(texts)) {
          if (CALCULATOR.matcher(t).find()) {
            texts.add(CALCULATOR.matcher(t).replaceAll(""));
          }
        }
      }
      return new BenchmarkItem(benchmark, file.getFileName() + ":" + line, texts);
    }
  }

  /** A field's text: {@code a.b} reads nested objects; arrays are joined with newlines; numbers as written. */
  static String value(JsonNode record, String field) {
    JsonNode n = record;
    for (String part : field.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.forEach(e -> parts.add(e.isValueNode() ? e.asText() : e.toString()));
      return String.join("\n", parts);
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static String fieldNames(JsonNode record) {
    List<String> names = new ArrayList<>();
    record.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }

  private static JsonNode readJson(Path file, String text, int line) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BenchmarkFileException(file + ":" + line + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static String firstNonBlank(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int c;
      while ((c = r.read()) >= 0) {
        if (!Character.isWhitespace(c) && c != 0xFEFF) {
          return String.valueOf((char) c);
        }
      }
    }
    return "";
  }

  private static List<Path> files(Path p) {
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile).filter(f -> {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".csv") || n.endsWith(".parquet"));
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A benchmark is named by its directory under the given path, or by its file name. */
  static String benchmarkName(Path given, Path file) {
    Path parent = file.getParent();
    if (Files.isDirectory(given) && parent != null && !parent.equals(given)) {
      return parent.getFileName().toString().toLowerCase(Locale.ROOT);
    }
    if (Files.isDirectory(given)) {
      String n = file.getFileName().toString();
      return n.substring(0, n.indexOf('.') > 0 ? n.indexOf('.') : n.length()).toLowerCase(Locale.ROOT);
    }
    Path dir = file.getParent();
    String n = file.getFileName().toString();
    String stem = n.substring(0, n.indexOf('.') > 0 ? n.indexOf('.') : n.length()).toLowerCase(Locale.ROOT);
    if ((stem.equals("test") || stem.equals("train") || stem.equals("dev") || stem.equals("validation")) && dir != null && dir.getFileName() != null) {
      return dir.getFileName().toString().toLowerCase(Locale.ROOT);
    }
    return stem;
  }
}

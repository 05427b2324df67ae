package io.mathsieve.decontam.benchmarks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads benchmark test sets in the layouts their authors publish: JSON Lines, JSON arrays, one JSON
 * object per file (miniF2F's informal statements), CSV (MMLU's headerless rows, or any CSV with a
 * header), Parquet through a reader the caller supplies, and Lean/Isabelle theorem files. Every
 * item gets a stable id (file name and line).
 *
 * <pre>{@code
 * BenchmarkLoader.Loaded b = BenchmarkLoader.loadAll(List.of(Path.of("benchmarks/")), List.of(), null, false);
 * b.files().forEach(f -> System.out.println(f.file() + ": " + f.items() + " items from " + f.fields()));
 * }</pre>
 *
 * <p>Each record is read by its own fields: a known layout ({@link BenchmarkFormat}) when all its
 * required fields are there, else the record's natural-language fields ({@link TextFields}), so a
 * file mixing two layouts, or a layout never seen before, still loads; the fields used are reported
 * per file. Files that are not benchmarks (a README, a script) are reported as skipped. Only
 * unreadable data is an error ({@link BenchmarkFileException}, naming file and line); with
 * {@code strict}, a record of no known layout and a skipped file are errors too.
 */
public final class BenchmarkLoader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CALCULATOR = Pattern.compile("<<[^<>]*>>");
  /** Directory names that say which split a file is, not which benchmark: left out of the benchmark's name. */
  private static final Set<String> SPLIT_DIRS = Set.of("test", "tests", "train", "dev", "valid", "validation", "val", "src", "data", "split", "splits");

  private BenchmarkLoader() {}

  /** Reads the rows of a Parquet file as maps of column name to value (strings, numbers, lists). */
  public interface ParquetRows extends Function<Path, Iterator<Map<String, Object>>> {}

  /**
   * What became of one file.
   *
   * @param benchmark the benchmark its items count for
   * @param items items loaded from it
   * @param layouts the layouts its records were read as ({@code GSM8K}, {@code text fields}, {@code Lean theorems} ...)
   * @param fields the fields the items' text came from, in order of first use
   * @param emptyRecords records with no text in any field, skipped
   * @param skipped why the file gave no items (not a benchmark file, no text), or null
   */
  public record FileReport(Path file, String benchmark, int items, List<String> layouts, List<String> fields, int emptyRecords, String skipped) {}

  /** The items of every file, and a report per file. */
  public record Loaded(List<BenchmarkItem> items, List<FileReport> files) {
    /** Per benchmark, the fields its items came from, for the index summary. */
    public Map<String, String> fieldsByBenchmark() {
      Map<String, Set<String>> fields = new LinkedHashMap<>();
      for (FileReport f : files) {
        if (f.skipped() == null) {
          fields.computeIfAbsent(f.benchmark(), k -> new LinkedHashSet<>()).addAll(f.fields());
        }
      }
      Map<String, String> out = new LinkedHashMap<>();
      fields.forEach((b, f) -> out.put(b, String.join(", ", f)));
      return out;
    }
  }

  /** Every item of every benchmark file under {@code paths}; see {@link #loadAll}. */
  public static List<BenchmarkItem> load(List<Path> paths, List<String> fields, ParquetRows parquet) {
    return loadAll(paths, fields, parquet, false).items();
  }

  /**
   * Every item of every file under {@code paths} (files or directories, searched recursively).
   * {@code fields}, when not empty, names the text fields of every record.
   */
  public static Loaded loadAll(List<Path> paths, List<String> fields, ParquetRows parquet, boolean strict) {
    if (paths.isEmpty()) {
      throw new BenchmarkFileException("no benchmark files given");
    }
    List<BenchmarkItem> items = new ArrayList<>();
    List<FileReport> reports = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new BenchmarkFileException(p + ": benchmark path does not exist");
      }
      for (Path f : files(p)) {
        String benchmark = benchmarkName(p, f);
        String kind = kind(f);
        if (kind == null) {
          if (strict) {
            throw new BenchmarkFileException(f + ": not a benchmark file (expected .jsonl, .json, .csv, .parquet, .lean or .thy)");
          }
          reports.add(new FileReport(f, benchmark, 0, List.of(), List.of(), 0, "not a benchmark file"));
          continue;
        }
        Parser parser = new Parser(f, benchmark, fields, strict);
        List<BenchmarkItem> found = parser.read(kind, parquet);
        String skipped = found.isEmpty() ? (parser.empty > 0 ? "no text in any field of its " + parser.empty + " records" : "no records") : null;
        if (skipped != null && strict) {
          throw new BenchmarkFileException(f + ": " + skipped);
        }
        items.addAll(found);
        reports.add(new FileReport(f, benchmark, found.size(), List.copyOf(parser.layouts), List.copyOf(parser.usedFields), parser.empty, skipped));
      }
    }
    if (reports.isEmpty()) {
      throw new BenchmarkFileException((paths.size() == 1 ? paths.get(0) : paths) + ": no benchmark files (*.jsonl, *.json, *.csv, *.parquet, *.lean, *.thy)");
    }
    if (items.isEmpty()) {
      throw new BenchmarkFileException((paths.size() == 1 ? paths.get(0) : paths) + ": no benchmark items in " + (reports.size() == 1 ? reports.get(0).file() + " (" + reports.get(0).skipped() + ")"
          : reports.size() + " files"));
    }
    return new Loaded(items, reports);
  }

  /** The items of one file, as {@link #loadAll} reads it. */
  public static List<BenchmarkItem> loadFile(Path file, String benchmark, List<String> fields, ParquetRows parquet) {
    String kind = kind(file);
    if (kind == null) {
      throw new BenchmarkFileException(file + ": not a benchmark file (expected .jsonl, .json, .csv, .parquet, .lean or .thy)");
    }
    return new Parser(file, benchmark, fields, false).read(kind, parquet);
  }

  private static String kind(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.startsWith(".")) {
      return null;
    }
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
      return "json";
    }
    if (n.endsWith(".csv")) {
      return "csv";
    }
    if (n.endsWith(".parquet")) {
      return "parquet";
    }
    if (n.endsWith(".lean") || n.endsWith(".thy")) {
      return "theorems";
    }
    return null;
  }

  /** Turns the records of one file into items, each record by its own layout. */
  private static final class Parser {
    private final Path file;
    private final String benchmark;
    private final List<String> userFields;
    private final boolean strict;
    private final BenchmarkFormat hint;
    final Set<String> layouts = new LinkedHashSet<>();
    final Set<String> usedFields = new LinkedHashSet<>();
    int empty;

    Parser(Path file, String benchmark, List<String> userFields, boolean strict) {
      this.file = file;
      this.benchmark = benchmark;
      this.userFields = userFields;
      this.strict = strict;
      String last = benchmark.substring(benchmark.lastIndexOf('/') + 1);
      this.hint = BenchmarkFormat.fromName(last);
    }

    List<BenchmarkItem> read(String kind, ParquetRows parquet) {
      List<BenchmarkItem> items = new ArrayList<>();
      try {
        switch (kind) {
          case "csv" -> readCsv(items);
          case "parquet" -> {
            if (parquet == null) {
              throw new BenchmarkFileException(file + ": Parquet benchmark files need a Parquet reader");
            }
            Iterator<Map<String, Object>> rows = parquet.apply(file);
            int row = 0;
            while (rows.hasNext()) {
              add(items, parse(JSON.valueToTree(rows.next()), ++row));
            }
          }
          case "theorems" -> {
            layouts.add(file.toString().endsWith(".thy") ? "Isabelle theorems" : "Lean theorems");
            usedFields.add("theorem statement");
            for (TheoremStatements.Statement s : TheoremStatements.read(file)) {
              items.add(new BenchmarkItem(benchmark, file.getFileName() + ":" + s.line(), List.of(s.text())));
            }
          }
          default -> readJson(items);
        }
      } catch (IOException e) {
        throw new BenchmarkFileException(file + ": cannot read (" + e.getMessage() + ")");
      } catch (UncheckedIOException e) {
        throw new BenchmarkFileException(file + ": cannot read (" + e.getCause().getMessage() + ")");
      }
      return items;
    }

    private void add(List<BenchmarkItem> items, BenchmarkItem item) {
      if (item == null) {
        empty++;
      } else {
        items.add(item);
      }
    }

    /** JSON Lines, a JSON array, or one or more objects however laid out: the parser streams root values. */
    private void readJson(List<BenchmarkItem> items) throws IOException {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonParser p = JSON.getFactory().createParser(r)) {
        JsonToken t;
        int index = 0;
        while ((t = next(p)) != null) {
          if (t == JsonToken.START_ARRAY) {
            // a JSON array of records: numbered by position, as published
            while (next(p) != JsonToken.END_ARRAY) {
              add(items, parse(tree(p), ++index));
            }
          } else {
            int line = p.currentTokenLocation().getLineNr();
            add(items, parse(tree(p), line));
          }
        }
      }
    }

    private JsonToken next(JsonParser p) throws IOException {
      try {
        return p.nextToken();
      } catch (JsonProcessingException e) {
        throw invalid(e);
      }
    }

    private JsonNode tree(JsonParser p) throws IOException {
      try {
        return JSON.readTree(p);
      } catch (JsonProcessingException e) {
        throw invalid(e);
      }
    }

    private BenchmarkFileException invalid(JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return new BenchmarkFileException(file + ":" + (at == null ? 1 : at.getLineNr()) + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }

    /** MMLU's headerless rows (question, A, B, C, D, answer), or a CSV whose first row names text fields. */
    private void readCsv(List<BenchmarkItem> items) throws IOException {
      List<List<String>> rows = Csv.read(file);
      if (rows.isEmpty()) {
        return;
      }
      List<String> header = rows.get(0);
      boolean named = header.stream().anyMatch(h -> TextFields.isPreferredName(h.trim()));
      if (named) {
        for (int i = 1; i < rows.size(); i++) {
          ObjectNode record = JSON.createObjectNode();
          List<String> row = rows.get(i);
          for (int c = 0; c < Math.min(header.size(), row.size()); c++) {
            record.put(header.get(c).trim(), row.get(c));
          }
          add(items, parse(record, i + 1));
        }
        return;
      }
      layouts.add("MMLU CSV");
      usedFields.add("question, choices");
      int line = 0;
      for (List<String> row : rows) {
        line++;
        String text = String.join("\n", row.subList(0, Math.min(5, row.size()))).strip();
        if (text.isEmpty()) {
          empty++;
          continue;
        }
        items.add(new BenchmarkItem(benchmark, file.getFileName() + ":" + line, List.of(text)));
      }
    }

    /** One record's item, or null when it has no text. */
    BenchmarkItem parse(JsonNode record, int line) {
      String where = file + ":" + line;
      if (!record.isObject()) {
        if (strict) {
          throw new BenchmarkFileException(where + ": expected a JSON object per item, got " + record.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return null;
      }
      List<String> parts = new ArrayList<>();
      List<String> alone = new ArrayList<>();
      BenchmarkFormat format = null;
      if (!userFields.isEmpty()) {
        layouts.add("--field");
        for (String f : userFields) {
          addField(record, f, parts, alone, true);
        }
      } else {
        format = known(record);
        if (format != null) {
          layouts.add(format.name());
          for (String f : format.required()) {
            addField(record, f, parts, alone, true);
          }
          for (String f : format.optional()) {
            addField(record, f, parts, alone, false);
          }
        } else {
          if (strict) {
            throw new BenchmarkFileException(where + ": unknown benchmark layout (fields " + fieldNames(record) + "); name the text fields with --field");
          }
          layouts.add("text fields");
          for (TextFields.Field f : TextFields.of(record)) {
            parts.add(f.text());
            alone.add(f.text());
            usedFields.add(f.name());
          }
        }
      }
      if (parts.isEmpty()) {
        return null;
      }
      // The joined text (n-grams spanning fields), and each main field alone (so that a short
      // question is matched whole even when its answer is long).
      List<String> texts = new ArrayList<>();
      texts.add(String.join("\n", parts));
      if (parts.size() > 1) {
        texts.addAll(alone);
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

    /** The known layout whose required fields this record has: by its fields, else by the benchmark's name. */
    private BenchmarkFormat known(JsonNode record) {
      BenchmarkFormat byFields = BenchmarkFormat.detect(record);
      if (byFields != null && hasAll(record, byFields.required())) {
        return byFields;
      }
      if (hint != null && !hint.required().isEmpty() && hasAll(record, hint.required())) {
        return hint;
      }
      return null;
    }

    private void addField(JsonNode record, String field, List<String> parts, List<String> alone, boolean main) {
      String v = value(record, field);
      if (v != null && !v.isBlank()) {
        parts.add(v);
        usedFields.add(field);
        if (main) {
          alone.add(v);
        }
      }
    }
  }

  private static boolean hasAll(JsonNode record, List<String> fields) {
    for (String f : fields) {
      String v = value(record, f);
      if (v == null || v.isBlank()) {
        return false;
      }
    }
    return true;
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

  private static List<Path> files(Path p) {
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A benchmark is named by its directories under the given path, split directories left out
   * ({@code qwen25math/mawps/addsub.jsonl} is {@code qwen25math/mawps}; {@code gsm8k/test.jsonl} is
   * {@code gsm8k}), or, for a file directly under it, by the file's name.
   */
  static String benchmarkName(Path given, Path file) {
    Path parent = file.getParent();
    if (Files.isDirectory(given) && parent != null && !parent.equals(given)) {
      List<String> dirs = new ArrayList<>();
      for (Path d : given.relativize(parent)) {
        dirs.add(d.toString().toLowerCase(Locale.ROOT));
      }
      while (dirs.size() > 1 && SPLIT_DIRS.contains(dirs.get(dirs.size() - 1))) {
        dirs.remove(dirs.size() - 1);
      }
      return String.join("/", dirs);
    }
    String n = file.getFileName().toString();
    String stem = n.substring(0, n.indexOf('.') > 0 ? n.indexOf('.') : n.length()).toLowerCase(Locale.ROOT);
    if (Files.isDirectory(given)) {
      return stem;
    }
    Path dir = file.getParent();
    if (SPLIT_DIRS.contains(stem) && dir != null && dir.getFileName() != null) {
      return dir.getFileName().toString().toLowerCase(Locale.ROOT);
    }
    return stem;
  }
}

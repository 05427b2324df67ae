package io.mathsieve.jobs.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.classifiers.iterate.UrlPatterns;
import io.mathsieve.hash.Murmur3;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.store.FlinkInputFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * The seed corpus as given: OpenWebMath-style JSONL or Parquet files with a {@code text} column (and
 * an optional {@code url}), or {@code .txt} lists of URL patterns whose pages are positives. Checked
 * before anything runs: a file without a {@code text} column, an unreadable line or an empty seed
 * is a one-line error naming the file.
 */
public record SeedFiles(List<Path> corpora, List<String> patterns, long corpusRows) {
  /** How a corpus file's name ends (lower case): JSONL or Parquet with a {@code text} column. */
  public static final List<String> CORPUS_ENDINGS = List.of(".parquet", ".jsonl", ".json");
  /** How a seed file of URL patterns ends. */
  public static final String PATTERNS_ENDING = ".txt";

  /** Checks and summarises the seed paths. */
  public static SeedFiles inspect(List<Path> seeds) {
    if (seeds == null || seeds.isEmpty()) {
      throw new UserError("no seed given: pass --seed with OpenWebMath-style JSONL/Parquet (a 'text' column) or a .txt file of URL patterns");
    }
    List<Path> corpora = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    long rows = 0;
    for (Path p : seeds) {
      String name = fileName(p, "seed", "seed files in it (.jsonl or .parquet with a 'text' column, .txt of URL patterns)");
      if (name.endsWith(PATTERNS_ENDING)) {
        patterns.addAll(readPatterns(p));
      } else if (isCorpus(name)) {
        rows += inspectCorpus(p, name, "seed");
        corpora.add(p);
      } else {
        throw new UserError("seed " + p + ": expected .jsonl or .parquet (a 'text' column) or .txt (URL patterns)");
      }
    }
    if (rows == 0 && patterns.isEmpty()) {
      throw new UserError("the seed " + seeds + " is empty: no documents and no URL patterns");
    }
    return new SeedFiles(corpora, patterns, rows);
  }

  /** Checks a negatives file as a seed corpus is checked (a 'text' column, not empty); returns its rows. */
  public static long inspectNegatives(Path file) {
    String name = fileName(file, "negatives", "files in it (.jsonl or .parquet with a 'text' column)");
    if (!isCorpus(name)) {
      throw new UserError("negatives " + file + ": expected .jsonl or .parquet (a 'text' column)");
    }
    return inspectCorpus(file, name, "negatives");
  }

  private static boolean isCorpus(String lowerCaseName) {
    return CORPUS_ENDINGS.stream().anyMatch(lowerCaseName::endsWith);
  }

  /** The lower-cased name of a {@code kind} file that exists; a directory or a missing file is a user error. */
  private static String fileName(Path p, String kind, String giveInstead) {
    if (Files.isDirectory(p)) {
      // The command line has replaced directories by their files (ClassifierExamples); this is a caller that did not.
      throw new UserError("--" + kind + " " + p + " is a directory: give the " + giveInstead);
    }
    if (!Files.isRegularFile(p)) {
      throw new UserError(kind + " " + p + " does not exist");
    }
    return p.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  private static long inspectCorpus(Path p, String lowerCaseName, String kind) {
    return lowerCaseName.endsWith(".parquet") ? inspectParquet(p, kind) : inspectJsonl(p, kind);
  }

  /**
   * Where the TaskManagers read {@code files} (seed or negative corpora, local to the driver): the
   * files themselves when {@code workdir} is local, else copies uploaded under
   * {@code workdir/inputs/}, so that a cluster without a shared file system reads them too.
   */
  public static List<org.apache.flink.core.fs.Path> readable(List<Path> files, org.apache.flink.core.fs.Path workdir, String kind)
      throws IOException {
    List<org.apache.flink.core.fs.Path> out = new ArrayList<>();
    boolean shared = FlinkFiles.local(workdir) != null;
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      if (shared) {
        out.add(FlinkFiles.of(f));
        continue;
      }
      org.apache.flink.core.fs.Path copy = new org.apache.flink.core.fs.Path(workdir, "inputs/" + kind + "-" + i + "-" + f.getFileName());
      FlinkFiles.writeAtomically(copy, o -> Files.copy(f, o));
      out.add(copy);
    }
    return out;
  }

  /** The 64-bit hash under which the positives' URLs are excluded from the negative sample (a keyed join in the train job). */
  public static long urlHash(String url) {
    return Murmur3.hash64(UrlPatterns.of(url) + "|" + url, 7);
  }

  private static long inspectJsonl(Path file, String kind) {
    ObjectMapper json = new ObjectMapper();
    long rows = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (IOException e) {
          throw new UserError(file + ":" + number + ": not valid JSON, expected one " + document(kind) + " per line");
        }
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) {
          throw new UserError(file + ":" + number + ": expected a 'text' field (an OpenWebMath-style " + document(kind) + ")");
        }
        rows++;
      }
    } catch (IOException e) {
      throw new UserError("cannot read " + kind + " " + file + ": " + e.getMessage(), e);
    }
    if (rows == 0) {
      throw new UserError(kind + " " + file + " holds no documents");
    }
    return rows;
  }

  private static String document(String kind) {
    return kind.equals("seed") ? "seed document" : "document";
  }

  private static long inspectParquet(Path file, String kind) {
    try {
      FlinkInputFile in = new FlinkInputFile(FlinkFiles.of(file));
      long rows;
      try (ParquetFileReader r = ParquetFileReader.open(in)) {
        var schema = r.getFooter().getFileMetaData().getSchema();
        if (!schema.containsField("text")) {
          throw new UserError(kind + " " + file + ": expected a 'text' column (an OpenWebMath-style " + document(kind) + "), found columns " + schema.getFields().stream()
              .map(org.apache.parquet.schema.Type::getName).toList());
        }
        rows = r.getRecordCount();
      }
      if (rows == 0) {
        throw new UserError(kind + " " + file + " holds no documents");
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserError u) {
        throw u;
      }
      throw new UserError(kind + " " + file + ": not a readable Parquet file (" + e.getMessage() + ")", e);
    }
  }

  /** Which of {@code columns} a Parquet seed has. */
  static List<String> columnsPresent(org.apache.flink.core.fs.Path file, List<String> columns) {
    try (ParquetFileReader r = ParquetFileReader.open(new FlinkInputFile(file))) {
      var schema = r.getFooter().getFileMetaData().getSchema();
      return columns.stream().filter(schema::containsField).toList();
    } catch (IOException e) {
      throw new UserError("seed " + file + ": not a readable Parquet file (" + e.getMessage() + ")", e);
    }
  }

  private static List<String> readPatterns(Path file) {
    List<String> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i).strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.contains(" ") || l.contains("*")) {
          throw new UserError(file + ":" + (i + 1) + ": expected a URL pattern like mathoverflow.net/questions, got '" + l + "'");
        }
        out.add(l);
      }
    } catch (IOException e) {
      throw new UserError("cannot read seed patterns " + file + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new UserError("seed patterns " + file + " holds no pattern");
    }
    return out;
  }
}

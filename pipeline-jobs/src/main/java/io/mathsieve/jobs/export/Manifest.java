package io.mathsieve.jobs.export;

import io.mathsieve.extract.ExtractorVersion;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.store.Column;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.fs.Path;

/**
 * {@code manifest.json}: what a trainer needs to plan an epoch and what anyone needs to reproduce
 * the corpus. The files with their rows, tokens, bytes and SHA-256; the totals; the schema; the
 * tokenizer, extractor and model versions; the full configuration; the input WARC files, seed and
 * benchmark files. Written as snake-case JSON and read back strictly ({@link #read}), as the
 * report does.
 *
 * @param corpusDir the corpus files' directory, relative to the manifest
 * @param totals the sums of {@code files}
 */
public record Manifest(String format, String created, String corpusDir, Schema schema, List<CorpusFileEntry> files, Totals totals,
    Tokenizer tokenizer, String extractorVersion, Classifier classifier, String mathsieveVersion, String configFingerprint,
    Map<String, String> config, InputFiles inputs) implements JobSummary {
  public static final String FORMAT = "mathsieve-corpus-manifest/1";

  /** The corpus store's schema: its name, version and columns. */
  public record Schema(String store, int version, List<ColumnDoc> columns) {}

  /** A column of the corpus files: its name, Parquet type (lower case) and what it holds. */
  public record ColumnDoc(String name, String type, String description) {}

  /** One corpus file, by its path relative to the manifest. */
  public record CorpusFileEntry(String path, long rows, long tokens, long bytes, String sha256, int bucket, int sequence, String firstDocId,
      String lastDocId) {}

  /** The sums over the files, and the hash buckets they are split into. */
  public record Totals(long files, long rows, long tokens, long bytes, long buckets) {}

  /** The tokenizer that counted the tokens. */
  public record Tokenizer(String name, String version, String specialTokens) {}

  /** The classifier that chose the corpus: the final model's version, its iteration and the threshold collected at. */
  public record Classifier(String modelVersion, int finalIteration, double threshold) {}

  /**
   * The inputs of the build as given: WARC files by name and location, and the seed, negatives and
   * benchmark files.
   */
  public record Inputs(Map<String, String> warcLocations, List<String> seeds, List<String> negatives, List<String> benchmarks) {}

  /** The inputs as the manifest lists them, with what the build read of each WARC file. */
  public record InputFiles(List<WarcFile> warcFiles, List<String> seed, List<String> negatives, List<String> benchmarks) {}

  /**
   * An input WARC file.
   *
   * @param read whether the build read it (a file it did not read has no counts)
   * @param corruptRegions unreadable regions of the file, each a rejection
   */
  public record WarcFile(String name, String location, boolean read, long responseRecords, long corruptRegions) {}

  /** The manifest of an export: its files and totals, and the build's versions, settings and inputs ({@code filesStore}: per-WARC-file statistics). */
  public static Manifest of(ExportJob.Result export, CorpusTokenizer tokenizer, MathsieveConfig config, String configFingerprint,
      Classifier classifier, Inputs inputs, Path filesStore) throws IOException {
    List<ColumnDoc> columns = new ArrayList<>();
    for (Column<?> c : Stores.CORPUS.columns()) {
      columns.add(new ColumnDoc(c.name(), c.type().name().toLowerCase(Locale.ROOT), c.doc()));
    }
    List<CorpusFileEntry> files = new ArrayList<>();
    long rows = 0;
    long tokens = 0;
    long bytes = 0;
    for (CorpusFile f : export.files()) {
      files.add(new CorpusFileEntry("corpus/" + f.file(), f.rows(), f.tokens(), f.bytes(), f.sha256(), f.bucket(), f.sequence(), f.firstDocId(),
          f.lastDocId()));
      rows += f.rows();
      tokens += f.tokens();
      bytes += f.bytes();
    }
    Map<String, WarcFileStats> stats = new TreeMap<>();
    StoreReader.forEach(Stores.FILES, filesStore, s -> stats.put(s.file(), s));
    List<WarcFile> warcs = new ArrayList<>();
    inputs.warcLocations().forEach((name, location) -> {
      WarcFileStats s = stats.get(name);
      warcs.add(s != null ? new WarcFile(name, location, true, s.response(), s.corrupt()) : new WarcFile(name, location, false, 0, 0));
    });
    return new Manifest(FORMAT, Instant.now().toString(), "corpus",
        new Schema(Stores.CORPUS.name(), Stores.CORPUS.version(), columns), files,
        new Totals(files.size(), rows, tokens, bytes, export.buckets()),
        new Tokenizer(tokenizer.name(), tokenizer.version(), "none added: token_count is the text alone"), ExtractorVersion.CURRENT, classifier,
        version(), configFingerprint, config.values(),
        new InputFiles(warcs, inputs.seeds(), inputs.negatives(), inputs.benchmarks()));
  }

  /** The manifest in {@code file}; an error naming the file and the key when it does not read. */
  public static Manifest read(Path file) throws IOException {
    return JobSummary.read(FlinkFiles.readJson(file), Manifest.class, FlinkFiles.shown(file));
  }

  private static String version() {
    String v = Manifest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

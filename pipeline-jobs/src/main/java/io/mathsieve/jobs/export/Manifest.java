package io.mathsieve.jobs.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.extract.ExtractorVersion;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.store.Column;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a trainer needs to plan an epoch and what anyone needs to reproduce
 * the corpus. The files with their rows, tokens, bytes and SHA-256; the totals; the schema; the
 * tokenizer, extractor and model versions; the full configuration; the input WARC files, seed and
 * benchmark files.
 */
public final class Manifest {
  public static final String FORMAT = "mathsieve-corpus-manifest/1";

  private Manifest() {}

  /** The classifier that chose the corpus: the final model's version, its iteration and the threshold collected at. */
  public record Classifier(String modelVersion, int finalIteration, double threshold) {}

  /** The inputs of the build, by location. */
  public record Inputs(Map<String, String> warcLocations, List<String> seeds, List<String> negatives, List<String> benchmarks) {}

  public static void write(org.apache.flink.core.fs.Path file, ExportJob.Result export, CorpusTokenizer tokenizer, MathsieveConfig config,
      String configFingerprint, Classifier classifier, Inputs inputs, org.apache.flink.core.fs.Path filesStore) throws IOException {
    ObjectNode root = RunSummary.json().createObjectNode();
    root.put("format", FORMAT);
    root.put("created", Instant.now().toString());
    root.put("corpus_dir", "corpus");
    ObjectNode schema = root.putObject("schema");
    schema.put("store", Stores.CORPUS.name());
    schema.put("version", Stores.CORPUS.version());
    ArrayNode columns = schema.putArray("columns");
    for (Column<?> c : Stores.CORPUS.columns()) {
      columns.addObject().put("name", c.name()).put("type", c.type().name().toLowerCase(java.util.Locale.ROOT)).put("description", c.doc());
    }
    ArrayNode files = root.putArray("files");
    long rows = 0;
    long tokens = 0;
    long bytes = 0;
    for (CorpusFile f : export.files()) {
      files.addObject().put("path", "corpus/" + f.file()).put("rows", f.rows()).put("tokens", f.tokens()).put("bytes", f.bytes())
          .put("sha256", f.sha256()).put("bucket", f.bucket()).put("sequence", f.sequence()).put("first_doc_id", f.firstDocId())
          .put("last_doc_id", f.lastDocId());
      rows += f.rows();
      tokens += f.tokens();
      bytes += f.bytes();
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("files", export.files().size());
    totals.put("rows", rows);
    totals.put("tokens", tokens);
    totals.put("bytes", bytes);
    totals.put("buckets", export.buckets());
    ObjectNode tok = root.putObject("tokenizer");
    tok.put("name", tokenizer.name());
    tok.put("version", tokenizer.version());
    tok.put("special_tokens", "none added: token_count is the text alone");
    root.put("extractor_version", ExtractorVersion.CURRENT);
    ObjectNode model = root.putObject("classifier");
    model.put("model_version", classifier.modelVersion());
    model.put("final_iteration", classifier.finalIteration());
    model.put("threshold", classifier.threshold());
    root.put("mathsieve_version", version());
    root.put("config_fingerprint", configFingerprint);
    ObjectNode cfg = root.putObject("config");
    config.values().forEach(cfg::put);
    ObjectNode in = root.putObject("inputs");
    ArrayNode warcs = in.putArray("warc_files");
    Map<String, WarcFileStats> stats = new java.util.TreeMap<>();
    StoreReader.forEach(Stores.FILES, filesStore, s -> stats.put(s.file(), s));
    inputs.warcLocations().forEach((name, location) -> {
      ObjectNode w = warcs.addObject().put("name", name).put("location", location);
      WarcFileStats s = stats.get(name);
      if (s != null) {
        w.put("response_records", s.response()).put("corrupt_regions", s.corrupt());
      } else {
        w.put("read", false);
      }
    });
    inputs.seeds().forEach(in.putArray("seed")::add);
    inputs.negatives().forEach(in.putArray("negatives")::add);
    inputs.benchmarks().forEach(in.putArray("benchmarks")::add);
    io.mathsieve.jobs.run.FlinkFiles.writeJson(file, root);
  }

  private static String version() {
    String v = Manifest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

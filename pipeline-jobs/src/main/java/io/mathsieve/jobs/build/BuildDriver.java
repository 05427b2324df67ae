package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.classifiers.iterate.ClassifyReason;
import io.mathsieve.config.Fingerprint;
import io.mathsieve.decontam.benchmarks.BenchmarkFileException;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.extract.ExtractorVersion;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.classify.SeedFiles;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.dedup.NearDedupJob;
import io.mathsieve.jobs.export.CorpusReason;
import io.mathsieve.jobs.export.CorpusTokenizer;
import io.mathsieve.jobs.export.ExportJob;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.export.TokenRates;
import io.mathsieve.jobs.export.TokenizerCache;
import io.mathsieve.jobs.export.TokenizerSpec;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.report.RunReport;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.select.SelectJob;
import io.mathsieve.jobs.source.WarcSplit;
import io.mathsieve.jobs.store.CorpusAdapter;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.flink.core.fs.Path;

/**
 * The whole pipeline as one restartable run: extract (with URL and exact dedup) → iterate →
 * select (full text of the collected pages) → near-dedup → decontaminate → export.
 *
 * <p>Layout of the output directory:
 *
 * <pre>
 * corpus/part-*.parquet     the corpus                     manifest.json  files, totals, config, versions, inputs
 * report.html               what happened, for people
 * rejections/&lt;stage&gt;/      every dropped document         run.json       the funnel and every stage's summary
 * stages/&lt;stage&gt;/          each stage's own output        stages/&lt;stage&gt;.done.json  its completion marker
 * </pre>
 *
 * The output directory is on any Flink file system (a local path, {@code s3://bucket/prefix}): the
 * driver writes markers, summaries, the manifest and the report through {@link FlinkFiles}.
 *
 * <p>Each stage's fingerprint covers its settings, its input files and the fingerprint of the stage
 * before it; a stage whose marker holds the same fingerprint is skipped, so an interrupted build
 * resumes where it stopped and a changed setting re-runs only the stages it affects.
 */
public final class BuildDriver {
  public static final List<String> STAGES = List.of("extract", "iterate", "select", "near-dedup", "decontam", "export");

  private BuildDriver() {}

  /** What to build. */
  public record Request(
      List<WarcSplit> inputs, List<java.nio.file.Path> seeds, List<java.nio.file.Path> negatives, List<java.nio.file.Path> benchmarks,
      java.nio.file.Path annotations, java.nio.file.Path labels, MathsieveConfig config, int exportBuckets, Path output, int parallelism,
      boolean fresh, Consumer<String> log) {
    /** A build into a local directory. */
    public Request(List<WarcSplit> inputs, List<java.nio.file.Path> seeds, List<java.nio.file.Path> negatives, List<java.nio.file.Path> benchmarks,
        java.nio.file.Path annotations, java.nio.file.Path labels, MathsieveConfig config, int exportBuckets, java.nio.file.Path output,
        int parallelism, boolean fresh, Consumer<String> log) {
      this(inputs, seeds, negatives, benchmarks, annotations, labels, config, exportBuckets, FlinkFiles.of(output), parallelism, fresh, log);
    }
  }

  /** The finished build. */
  public record Result(RunSummary summary, Path corpus, Path manifest, Path report, List<String> skipped) {}

  /** One stage's work: runs into {@code dir} and returns its summary. */
  @FunctionalInterface
  interface StageBody {
    ObjectNode run(Path dir) throws Exception;
  }

  public static Result run(Request r) throws Exception {
    Path out = r.output();
    checkOutput(out);
    if (r.fresh()) {
      for (String entry : List.of("stages", "rejections", "corpus", "manifest.json", "run.json")) {
        OutputDirectory.delete(new Path(out, entry));
      }
    }
    FlinkFiles.mkdirs(new Path(out, "stages"));
    MathsieveConfig c = r.config();
    // Resolve everything a stage could fail on before the first job runs.
    TokenizerSpec tokenizer = TokenizerSpec.resolve(c.export().tokenizer(), c.export().hfEndpoint(), TokenizerSpec.cacheDir());
    CorpusTokenizer tok = TokenizerCache.get(tokenizer);
    SeedFiles.inspect(r.seeds());
    for (java.nio.file.Path n : r.negatives()) {
      SeedFiles.inspect(List.of(n));
    }
    if (r.annotations() != null) {
      IterateDriver.readAnnotations(r.annotations());
    }
    if (r.labels() != null) {
      IterateDriver.readLabels(r.labels());
    }
    // The benchmark index is small and quick: built first, so a bad benchmark file fails now.
    Path index = new Path(out, "stages/benchmarks.idx");
    try {
      DecontamJob.buildIndex(r.benchmarks(), List.of(), false, c.decontam(), index);
    } catch (BenchmarkFileException e) {
      throw new UserError(e.getMessage(), e);
    }
    String configFingerprint = Fingerprint.of(c.values());
    Map<String, String> locations = new TreeMap<>();
    for (WarcSplit s : r.inputs()) {
      locations.put(s.name(), s.location());
    }
    Build b = new Build(out, r.log(), new StageMarkers(new Path(out, "stages")));
    Instant started = Instant.now();

    // 1. Extract, URL and exact dedup.
    String fpExtract = chain("", c.extractFingerprint(), InputFingerprint.of("warc", locations.values()));
    ObjectNode extract = b.stage("extract", fpExtract, dir -> ExtractJob.run(r.inputs(), dir, c, r.parallelism(), true).root());
    Path pages = new Path(b.dir("extract"), "pages");

    // 2. The classifier's iterations, with the budget in the tokenizer's tokens.
    Map<String, String> iterateSettings = new TreeMap<>(c.classifier().values());
    iterateSettings.putAll(c.iterate().values());
    iterateSettings.put("tokenizer", tok.version());
    iterateSettings.put(io.mathsieve.jobs.config.ExportConfig.TOKEN_SAMPLE_PAGES.key(), String.valueOf(c.export().tokenSamplePages()));
    String fpIterate = chain(fpExtract, Fingerprint.of(iterateSettings), InputFingerprint.of("seed", paths(r.seeds())),
        InputFingerprint.of("negatives", paths(r.negatives())), InputFingerprint.of("annotations", paths(optional(r.annotations()))),
        InputFingerprint.of("labels", paths(optional(r.labels()))));
    ObjectNode iterate = b.stage("iterate", fpIterate, dir -> {
      TokenRates rates = TokenRates.measure(pages, tok, c.export().tokenSamplePages());
      r.log().accept(String.format(Locale.ROOT, "  tokens per char measured on %d pages: %.4f (CJK: %.4f on %d pages)", rates.pages(),
          rates.tokensPerChar(), rates.tokensPerCjkChar(), rates.cjkPages()));
      IterateDriver.Result it = IterateDriver.run(new IterateDriver.Request(pages, r.seeds(), r.negatives(), dir, r.annotations(), r.labels(),
          c.classifier(), c.iterate(), rates.counter(), r.parallelism(), true, line -> r.log().accept("  " + line)));
      ObjectNode s = it.summary().root().deepCopy();
      s.put("final_iteration", it.iterations());
      s.put("final_threshold", it.threshold());
      s.put("model_version", it.modelVersion());
      s.put("model", relative(dir, it.model()));
      ObjectNode rate = s.putObject("token_rates");
      rate.put("tokenizer", tok.name());
      rate.put("tokens_per_char", rates.tokensPerChar());
      rate.put("tokens_per_cjk_char", rates.tokensPerCjkChar());
      rate.put("sample_pages", rates.pages());
      rate.put("sample_cjk_pages", rates.cjkPages());
      return s;
    });
    int finalIteration = iterate.get("final_iteration").asInt();
    Path iterations = new Path(b.dir("iterate"), "iterations");

    // 3. The collected pages as corpus rows with their full text.
    String fpSelect = chain(fpIterate, Fingerprint.of(c.warc().values()));
    ObjectNode select = b.stage("select", fpSelect, dir -> {
      List<Path> earlier = new ArrayList<>();
      for (int i = 1; i < finalIteration; i++) {
        earlier.add(new Path(iterations, "iter-" + i + "/collected"));
      }
      SelectJob.Result s = SelectJob.run(pages, new SelectJob.Classification(new Path(iterations, "iter-" + finalIteration + "/scores"),
          earlier, finalIteration, iterate.get("final_threshold").asDouble(), iterate.get("model_version").asText()), locations, c, dir,
          r.parallelism());
      ObjectNode n = RunSummary.json().createObjectNode();
      n.put("pages", s.pages());
      n.put("collected", s.selected());
      n.put("not_collected", s.notCollected());
      n.put("full_text_reread", s.reread());
      n.put("full_text_unavailable", s.fullTextUnavailable());
      n.put("text_bytes", s.textBytes());
      return n;
    });

    // 4. Near-dedup of the collected pages (the highest math score stays).
    String fpNear = chain(fpSelect, c.dedup().fingerprint());
    ObjectNode near = b.stage("near-dedup", fpNear, dir -> NearDedupJob.run(() -> Stores.CORPUS, CorpusRow.class, new CorpusAdapter(),
        new Path(b.dir("select"), "corpus"), dir, c.dedup(), r.parallelism(), true).summary().root());

    // 5. Decontamination.
    String fpDecontam = chain(fpNear, c.decontam().fingerprint(), InputFingerprint.of("benchmarks", paths(r.benchmarks())));
    ObjectNode decontam = b.stage("decontam", fpDecontam, dir -> {
      return DecontamJob.run(() -> Stores.CORPUS, CorpusRow.class, new CorpusAdapter(), new Path(b.dir("near-dedup"), "corpus"), dir, index,
          c.decontam(), r.parallelism(), true).report().root();
    });

    // 6. Export: token counts, shards, manifest.
    String fpExport = chain(fpDecontam, Fingerprint.of(c.export().values()), tok.version(), String.valueOf(r.exportBuckets()));
    Path corpus = new Path(out, "corpus");
    Path manifest = new Path(out, "manifest.json");
    ObjectNode export = b.stage("export", fpExport, dir -> {
      FlinkFiles.delete(manifest);
      long collected = select.get("collected").asLong();
      long kept = decontam.get("kept").asLong();
      long textBytes = collected == 0 ? 0 : Math.round(select.get("text_bytes").asDouble() * kept / collected);
      int buckets = ExportJob.buckets(textBytes, c.export(), r.exportBuckets());
      ExportJob.Result e = ExportJob.run(new Path(b.dir("decontam"), "corpus"), corpus, dir, tokenizer, c.export(), buckets, configFingerprint,
          r.parallelism());
      Manifest.Inputs inputs = new Manifest.Inputs(locations, paths(r.seeds()), paths(r.negatives()), paths(r.benchmarks()));
      Manifest.write(manifest, e, tok, c, configFingerprint, iterate, inputs, new Path(b.dir("extract"), "files"));
      ObjectNode n = RunSummary.json().createObjectNode();
      n.put("rows", e.rows());
      n.put("tokens", e.tokens());
      n.put("files", e.files().size());
      n.put("buckets", e.buckets());
      n.put("bytes", e.files().stream().mapToLong(f -> f.bytes()).sum());
      return n;
    });

    RunSummary summary = summarize(extract, iterate, select, near, decontam, export, c, configFingerprint, b, started);
    summary.write(new Path(out, "run.json"));
    Path report = RunReport.write(out);
    return new Result(summary, corpus, manifest, report, b.skipped);
  }

  /** The funnel and the rejections of every stage, with the accounting check. */
  static RunSummary summarize(ObjectNode extract, ObjectNode iterate, ObjectNode select, ObjectNode near, ObjectNode decontam,
      ObjectNode export, MathsieveConfig c, String configFingerprint, Build b, Instant started) {
    RunSummary summary = new RunSummary("build");
    ObjectNode root = summary.root();
    root.put("output", FlinkFiles.shown(b.out));
    root.put("started", started.toString());
    root.put("duration_seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    Map<String, Long> rejections = new TreeMap<>();
    extract.path("rejections").fields().forEachRemaining(e -> rejections.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    rejections.merge(ClassifyReason.NOT_COLLECTED.key(), select.path("not_collected").asLong(), Long::sum);
    rejections.merge(CorpusReason.FULL_TEXT_UNAVAILABLE.key(), select.path("full_text_unavailable").asLong(), Long::sum);
    rejections.merge(DedupReason.NEAR.key(), near.path("dropped_near_duplicates").asLong(), Long::sum);
    // by reason, as the decontamination job counted them (none in report mode); the balance below checks them
    decontam.path("rejections").fields().forEachRemaining(e -> rejections.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    rejections.values().removeIf(v -> v == 0);
    long records = extract.at("/records/response").asLong() + extract.at("/records/corrupt").asLong() + rejections.getOrDefault(WarcReason.UNREADABLE_FILE.key(), 0L);
    long extracted = extract.path("pages").asLong() + rejections.getOrDefault(DedupReason.URL.key(), 0L) + rejections.getOrDefault(DedupReason.EXACT.key(), 0L);
    ObjectNode funnel = root.putObject("funnel");
    funnel.put("warc_files", extract.path("input_files").asLong());
    funnel.put("response_records", records);
    funnel.put("pages_extracted", extracted);
    funnel.put("pages_after_url_exact_dedup", extract.path("pages").asLong());
    ArrayNode perIteration = funnel.putArray("collected_per_iteration");
    for (JsonNode it : iterate.path("iterations")) {
      perIteration.addObject().put("iteration", it.path("iteration").asInt()).put("pages", it.path("collected_pages").asLong())
          .put("estimated_tokens", it.path("collected_tokens").asLong()).put("new_pages", it.path("new_pages").asLong());
    }
    funnel.put("collected", select.path("collected").asLong());
    funnel.put("after_near_dedup", near.path("kept").asLong());
    funnel.put("after_decontam", decontam.path("kept").asLong());
    funnel.put("corpus_rows", export.path("rows").asLong());
    funnel.put("corpus_tokens", export.path("tokens").asLong());
    ObjectNode rej = root.putObject("rejections");
    rejections.forEach(rej::put);
    long rejected = rejections.values().stream().mapToLong(Long::longValue).sum();
    ObjectNode accounting = root.putObject("accounting");
    accounting.put("response_records_and_unreadable_regions", records);
    accounting.put("corpus_rows_plus_rejections", export.path("rows").asLong() + rejected);
    accounting.put("balanced", records == export.path("rows").asLong() + rejected);
    ObjectNode stages = root.putObject("stages");
    Map<String, ObjectNode> all = new LinkedHashMap<>();
    all.put("extract", extract);
    all.put("iterate", iterate);
    all.put("select", select);
    all.put("near-dedup", near);
    all.put("decontam", decontam);
    all.put("export", export);
    all.forEach((name, s) -> {
      ObjectNode n = stages.putObject(name);
      n.put("skipped", b.skipped.contains(name));
      n.put("seconds", b.seconds.getOrDefault(name, 0.0));
      n.set("summary", s);
    });
    root.put("extractor_version", ExtractorVersion.CURRENT);
    ObjectNode cfg = root.putObject("config");
    c.values().forEach(cfg::put);
    root.put("config_fingerprint", configFingerprint);
    return summary;
  }

  /** Runs stages and remembers which were skipped. */
  static final class Build {
    final Path out;
    final Consumer<String> log;
    final StageMarkers markers;
    final List<String> skipped = new ArrayList<>();
    final Map<String, Double> seconds = new TreeMap<>();

    Build(Path out, Consumer<String> log, StageMarkers markers) {
      this.out = out;
      this.log = log;
      this.markers = markers;
    }

    Path dir(String stage) {
      return new Path(out, "stages/" + stage);
    }

    ObjectNode stage(String name, String fingerprint, StageBody body) throws Exception {
      ObjectNode done = markers.done(name, fingerprint);
      if (done != null) {
        log.accept("stage " + name + ": done before (fingerprint " + fingerprint + "), skipped");
        skipped.add(name);
        return done;
      }
      log.accept("stage " + name + ": running");
      markers.clear(name);
      Path dir = dir(name);
      Path rejections = new Path(out, "rejections/" + name);
      OutputDirectory.delete(dir);
      OutputDirectory.delete(rejections);
      long t0 = System.nanoTime();
      ObjectNode summary = body.run(dir);
      if (FlinkFiles.isDirectory(new Path(dir, "rejections"))) {
        FlinkFiles.move(new Path(dir, "rejections"), rejections);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      seconds.put(name, Math.round(s * 10) / 10.0);
      markers.finish(name, fingerprint, s, summary);
      log.accept(String.format(Locale.ROOT, "stage %s: done in %.1f s", name, s));
      return summary;
    }
  }

  private static void checkOutput(Path out) throws IOException {
    if (FlinkFiles.exists(out) && !FlinkFiles.isDirectory(out)) {
      throw new UserError("output " + FlinkFiles.shown(out) + " exists and is not a directory");
    }
    if (FlinkFiles.isDirectory(out) && !FlinkFiles.isDirectory(new Path(out, "stages")) && !FlinkFiles.list(out).isEmpty()) {
      throw new UserError("output " + FlinkFiles.shown(out)
          + " is not empty and holds no earlier build (no stages/ in it); choose an empty or new --output");
    }
  }

  /** {@code p} relative to {@code dir}, which holds it. */
  static String relative(Path dir, Path p) {
    return dir.toUri().relativize(p.toUri()).getPath();
  }

  static String chain(String... parts) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < parts.length; i++) {
      m.put(String.format(Locale.ROOT, "%02d", i), parts[i]);
    }
    return Fingerprint.of(m);
  }

  private static List<String> paths(List<java.nio.file.Path> ps) {
    return ps.stream().map(java.nio.file.Path::toString).toList();
  }

  private static List<java.nio.file.Path> optional(java.nio.file.Path p) {
    return p == null ? List.of() : List.of(p);
  }


  /** Where downloaded tokenizers are kept: {@code $MATHSIEVE_CACHE}, else {@code ~/.cache/mathsieve}. */


}

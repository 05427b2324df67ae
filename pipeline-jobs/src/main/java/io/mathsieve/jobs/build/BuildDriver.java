package io.mathsieve.jobs.build;

import io.mathsieve.jobs.build.Iterated.TokenRatesUsed;
import io.mathsieve.jobs.build.StageResults.Exported;
import io.mathsieve.jobs.build.StageResults.Selected;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.dedup.NearDedupJob;
import io.mathsieve.jobs.dedup.NearDedupSummary;
import io.mathsieve.jobs.export.CorpusTokenizer;
import io.mathsieve.jobs.export.ExportJob;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.export.TokenRates;
import io.mathsieve.jobs.export.TokenizerCache;
import io.mathsieve.jobs.export.TokenizerSpec;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.report.RunReport;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.select.SelectJob;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.source.WarcSplit;
import io.mathsieve.jobs.store.CorpusAdapter;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.store.Stores;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.flink.core.fs.Path;

/**
 * The whole pipeline as one restartable run: extract (with URL and exact dedup) → iterate →
 * select (full text of the collected pages) → near-dedup → decontaminate → export. Each stage
 * hands a typed result ({@link StageResults}) to the ones after it; {@link StageRunner} skips a
 * stage whose marker holds its {@link BuildFingerprints fingerprint}, so an interrupted build
 * resumes where it stopped and a changed setting re-runs only the stages it affects.
 *
 * <pre>
 * corpus/part-*.parquet     the corpus                     manifest.json  files, totals, config, versions, inputs
 * report.html               what happened, for people      run.json       the funnel and every stage's result ({@link BuildFunnel})
 * rejections/&lt;stage&gt;/      every dropped document         stages/&lt;stage&gt;/ and stages/&lt;stage&gt;.done.json
 * </pre>
 *
 * The output directory is on any Flink file system (a local path, {@code s3://bucket/prefix}).
 */
public final class BuildDriver {
  public static final List<String> STAGES = List.of("extract", "iterate", "select", "near-dedup", "decontam", "export");

  private BuildDriver() {}

  /**
   * What a build reads: the crawl, what the classifier learns from, and the benchmarks.
   *
   * @param warcs the crawl's WARC/ARC files
   * @param examples the seed, negatives, annotations and labels of the classifier's loop
   * @param benchmarks benchmark files or directories to decontaminate against
   */
  public record Inputs(List<WarcSplit> warcs, IterateDriver.Examples examples, List<java.nio.file.Path> benchmarks) {
    /**
     * The inputs of a sample set as {@code mathsieve samples} and the demo's bundle lay it out:
     * {@code warc/}, {@code seed/openwebmath-sample.jsonl}, {@code negatives.jsonl} and
     * {@code benchmarks/}, with {@code labels} (or null) to measure each iteration on.
     */
    public static Inputs sampleSet(java.nio.file.Path dir, java.nio.file.Path labels) {
      return new Inputs(InputResolver.resolve(List.of(dir.resolve("warc").toString())),
          new IterateDriver.Examples(List.of(dir.resolve("seed/openwebmath-sample.jsonl")), List.of(dir.resolve("negatives.jsonl")), null,
              labels), List.of(dir.resolve("benchmarks")));
    }
  }

  /**
   * How a build runs.
   *
   * @param jobs how wide and where every job runs
   * @param exportBuckets corpus shards, or 0 to size them from the text
   * @param fresh whether to clear an earlier build in the output instead of resuming it
   * @param log progress lines
   */
  public record Options(Jobs jobs, int exportBuckets, boolean fresh, Consumer<String> log) {}

  /** What to build, with which settings, where. */
  public record Request(Inputs inputs, MathsieveConfig config, Path output, Options options) {
    /** A build into a local directory. */
    public Request(Inputs inputs, MathsieveConfig config, java.nio.file.Path output, Options options) {
      this(inputs, config, FlinkFiles.of(output), options);
    }
  }

  /** The finished build. */
  public record Result(BuildSummary summary, Path corpus, Path manifest, Path report, List<String> skipped) {}

  public static Result run(Request r) throws Exception {
    Path out = BuildPreflight.prepare(r);
    MathsieveConfig c = r.config();
    TokenizerSpec tokenizer = TokenizerSpec.resolve(c.export().tokenizer(), c.export().hfEndpoint(), TokenizerSpec.cacheDir());
    CorpusTokenizer tok = TokenizerCache.get(tokenizer);
    Path index = BuildPreflight.benchmarkIndex(r, out);
    Inputs in = r.inputs();
    Map<String, String> locations = new TreeMap<>();
    in.warcs().forEach(s -> locations.put(s.name(), s.location()));
    BuildFingerprints fp = BuildFingerprints.of(r, locations.values(), tok.version());
    StageRunner stages = new StageRunner(out, r.options().log());
    Instant started = Instant.now();
    Jobs p = r.options().jobs();

    ExtractSummary extract = stages.run("extract", fp.extract(), StageResults::extracted, dir -> ExtractJob.run(in.warcs(), dir, c, p, true));
    Path pages = new Path(stages.dir("extract"), "pages");
    Iterated iterate = stages.run("iterate", fp.iterate(), Iterated::read, dir -> iterate(r, pages, tok, dir));
    Selected select = stages.run("select", fp.select(), Selected::read, dir -> Selected.of(SelectJob.run(pages,
        iterate.classification(stages.dir("iterate")), locations, c, dir, p)));
    NearDedupSummary near = stages.run("near-dedup", fp.nearDedup(), StageResults::nearDeduped, dir -> NearDedupJob.run(() -> Stores.CORPUS,
        CorpusRow.class, new CorpusAdapter(), new Path(stages.dir("select"), "corpus"), dir, c.dedup(), p, true));
    DecontamReport decontam = stages.run("decontam", fp.decontam(), StageResults::decontaminated, dir -> DecontamJob.run(() -> Stores.CORPUS,
        CorpusRow.class, new CorpusAdapter(), new Path(stages.dir("near-dedup"), "corpus"), dir, index, c.decontam(), p, true));
    Path corpus = new Path(out, "corpus");
    Path manifest = new Path(out, "manifest.json");
    Exported export = stages.run("export", fp.export(), Exported::read, dir -> {
      FlinkFiles.delete(manifest);
      long textBytes = select.collected() == 0 ? 0 : Math.round((double) select.textBytes() * decontam.kept() / select.collected());
      ExportJob.Result e = ExportJob.run(new Path(stages.dir("decontam"), "corpus"), corpus, dir, tokenizer, c.export(),
          ExportJob.buckets(textBytes, c.export(), r.options().exportBuckets()), fp.config(), p);
      Manifest.of(e, tok, c, fp.config(), iterate.classifier(), new Manifest.Inputs(locations, BuildFingerprints.paths(in.examples().seeds()),
          BuildFingerprints.paths(in.examples().negatives()), BuildFingerprints.paths(in.benchmarks())), new Path(stages.dir("extract"), "files"))
          .write(manifest);
      return Exported.of(e);
    });

    BuildSummary summary = BuildFunnel.summarize(new BuildFunnel.Stages(extract, iterate, select, near, decontam, export), stages, c, fp.config(),
        started);
    summary.write(new Path(out, "run.json"));
    return new Result(summary, corpus, manifest, RunReport.write(out), stages.skipped());
  }

  /** The classifier's loop, its token budget counted in the corpus tokenizer's tokens per char. */
  private static Iterated iterate(Request r, Path pages, CorpusTokenizer tok, Path dir) throws Exception {
    MathsieveConfig c = r.config();
    TokenRates rates = TokenRates.measure(pages, tok, c.export().tokenSamplePages());
    Consumer<String> log = r.options().log();
    log.accept(String.format(Locale.ROOT, "  tokens per char measured on %d pages: %.4f (CJK: %.4f on %d pages)", rates.pages(),
        rates.tokensPerChar(), rates.tokensPerCjkChar(), rates.cjkPages()));
    IterateDriver.Result it = IterateDriver.run(new IterateDriver.Request(pages, r.inputs().examples(), dir, c.classifier(), c.iterate(), rates.counter(),
        new IterateDriver.Options(r.options().jobs(), true, line -> log.accept("  " + line))));
    return new Iterated(it.modelVersion(), dir.toUri().relativize(it.model().toUri()).getPath(), TokenRatesUsed.of(tok.name(), rates),
        it.summary());
  }
}

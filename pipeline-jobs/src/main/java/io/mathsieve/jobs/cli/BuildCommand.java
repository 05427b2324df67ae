package io.mathsieve.jobs.cli;

import io.mathsieve.config.Settings;
import io.mathsieve.jobs.build.BuildDriver;
import io.mathsieve.jobs.build.BuildSummary;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.UserError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve build}: the whole pipeline, WARC files to corpus. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {
      "The whole pipeline: extract (with URL and exact dedup), the iterative classifier, near-dedup, decontamination and export.",
      "",
      "Writes OUT/corpus/part-*.parquet (zstd, files of about export.target-file-bytes), OUT/manifest.json, OUT/rejections/<stage>/,",
      "OUT/run.json (the funnel) and OUT/stages/ (each stage's output and completion marker). Re-running with the same inputs and",
      "settings skips the finished stages; a changed setting re-runs the stages it affects and those after them."
    })
public final class BuildCommand implements Callable<Integer> {
  @Mixin CrawlInputs inputs;

  @Mixin ClassifierExamples examples;

  @Option(names = "--benchmarks", required = true, arity = "1..*", paramLabel = "PATH", description = "Benchmark files or directories to decontaminate against.")
  List<Path> benchmarks;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = {"The build directory (new, empty, or an earlier build to resume):",
      "a local path, or s3://bucket/prefix (or another Flink file system) for a cluster without a shared file system."})
  String output;

  @Option(names = "--buckets", paramLabel = "N", description = "Hash buckets of the corpus files (default: from the corpus size and export.target-file-bytes).")
  int buckets;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Settings s = common.settings();
    s = examples.withBudget(s);
    if (buckets < 0) {
      throw new UserError("--buckets must be positive, got " + buckets);
    }
    MathsieveConfig config = MathsieveConfig.from(s);
    ClassifierExamples.checkFiles("--benchmarks", benchmarks);
    PrintStream log = System.err;
    org.apache.flink.core.fs.Path out = FlinkFiles.location(output);
    BuildDriver.Result r = BuildDriver.run(new BuildDriver.Request(
        new BuildDriver.Inputs(inputs.resolve(config.warc()), examples.examples(), benchmarks), config, out,
        new BuildDriver.Options(common.jobs(), buckets, common.overwrite, common.quiet ? line -> {} : log::println)));
    if (!common.quiet) {
      printFunnel(r.summary(), System.out);
      System.out.println();
      System.out.println("corpus:     " + FlinkFiles.shown(r.corpus()));
      System.out.println("manifest:   " + FlinkFiles.shown(r.manifest()));
      System.out.println("report:     " + FlinkFiles.shown(r.report()));
      System.out.println("rejections: " + FlinkFiles.shown(new org.apache.flink.core.fs.Path(out, "rejections")));
      System.out.println("summary:    " + FlinkFiles.shown(new org.apache.flink.core.fs.Path(out, "run.json")));
    }
    return Accounting.check(r.summary());
  }

  /** The funnel as a table: what went in, what each stage kept, and why the rest was dropped. */
  static void printFunnel(BuildSummary s, PrintStream out) {
    BuildSummary.Funnel f = s.funnel();
    out.println();
    out.println("Funnel");
    row(out, "WARC files", f.warcFiles());
    row(out, "response records", f.responseRecords());
    row(out, "pages extracted", f.pagesExtracted());
    row(out, "after URL and exact dedup", f.pagesAfterUrlExactDedup());
    for (BuildSummary.Collected it : f.collectedPerIteration()) {
      row(out, "  collected, iteration " + it.iteration(), it.pages());
    }
    row(out, "collected (final)", f.collected());
    row(out, "after near-dedup", f.afterNearDedup());
    row(out, "after decontamination", f.afterDecontam());
    row(out, "corpus documents", f.corpusRows());
    row(out, "corpus tokens", f.corpusTokens());
    out.println("Dropped");
    s.rejections().forEach((reason, n) -> row(out, "  " + reason, n));
    BuildSummary.Accounting a = s.accounting();
    out.printf(Locale.ROOT, "Every record accounted for: %s (%d records = %d corpus documents + rejections)%n", a.balanced() ? "yes" : "NO",
        a.responseRecordsAndUnreadableRegions(), f.corpusRows());
  }

  private static void row(PrintStream out, String label, long value) {
    out.printf(Locale.ROOT, "  %-36s %,12d%n", label, value);
  }
}

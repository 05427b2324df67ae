package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.ClusterTarget;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.Progress;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.build.BuildDriver;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mathsieve demo}: {@code build} over the bundled samples (WARC files, seed, negatives,
 * fixture benchmarks, labels, demo settings) on a local MiniCluster, into {@code out/demo}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the whole pipeline (build) on the bundled sample WARC files on a local Flink MiniCluster and prints the funnel.",
      "",
      "Uses samples/warc, samples/seed (OpenWebMath-style positives and negatives), samples/benchmarks (fixture test sets),",
      "samples/labels.tsv (precision and recall per iteration) and samples/demo.conf. Replaces OUTPUT on every run."})
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--samples", paramLabel = "DIR", description = "The sample set (default: samples/ of this checkout).")
  Path samples;

  @Option(names = "--output", paramLabel = "DIR", description = "Where to write (default: ${DEFAULT-VALUE}); replaced on every run.")
  Path output = Path.of("out", "demo");

  @Option(names = "--parallelism", paramLabel = "N", description = "Parallel subtasks (default: the number of cores).")
  int parallelism = Runtime.getRuntime().availableProcessors();

  @Option(names = "--quiet", description = "Print only the funnel and where the output is.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Path dir = samples != null ? samples : Path.of(System.getProperty("mathsieve.root", ".")).resolve("samples");
    for (String need : List.of("warc", "seed/openwebmath-sample.jsonl", "negatives.jsonl", "benchmarks", "demo.conf")) {
      if (!Files.exists(dir.resolve(need))) {
        throw new UserError("no sample set at " + dir + " (expected " + dir.resolve(need) + "); pass --samples DIR");
      }
    }
    if (parallelism < 1) {
      throw new UserError("--parallelism must be at least 1, got " + parallelism);
    }
    MathsieveConfig config = MathsieveConfig.from(Settings.read(dir.resolve("demo.conf")));
    Path labels = Files.isRegularFile(dir.resolve("labels.tsv")) ? dir.resolve("labels.tsv") : null;
    System.err.println("mathsieve demo: build over " + dir + " into " + output + " (parallelism " + parallelism + ")");
    long t0 = System.nanoTime();
    BuildDriver.Result r = BuildDriver.run(new BuildDriver.Request(BuildDriver.Inputs.sampleSet(dir, labels), config, output,
        new BuildDriver.Options(new Jobs(parallelism, ClusterTarget.LOCAL, Progress.toStderrUnless(quiet)), 0, true, quiet ? line -> {} : System.err::println)));
    BuildCommand.printFunnel(r.summary(), System.out);
    System.out.println();
    System.out.printf("finished in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    String corpus = io.mathsieve.jobs.run.FlinkFiles.shown(r.corpus());
    System.out.println("corpus:     " + corpus + "  (Parquet, zstd; open it with DuckDB: SELECT * FROM '" + corpus + "/*.parquet')");
    System.out.println("manifest:   " + io.mathsieve.jobs.run.FlinkFiles.shown(r.manifest()));
    System.out.println("report:     " + io.mathsieve.jobs.run.FlinkFiles.shown(r.report()) + "  (open it in a browser; it works offline)");
    System.out.println("rejections: " + output.resolve("rejections"));
    System.out.println("summary:    " + output.resolve("run.json"));
    return 0;
  }
}

package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.UserError;
import com.fasterxml.jackson.databind.JsonNode;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.source.InputResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mathsieve demo}: the pipeline on the bundled sample WARC files, on a local MiniCluster,
 * into {@code out/demo}. Each stage that lands joins the demo.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the pipeline on the bundled sample WARC files on a local Flink MiniCluster and prints the funnel."})
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--samples", paramLabel = "DIR", description = "The sample set (default: samples/ of this checkout).")
  Path samples;

  @Option(names = "--output", paramLabel = "DIR", description = "Where to write (default: ${DEFAULT-VALUE}); replaced on every run.")
  Path output = Path.of("out", "demo");

  @Option(names = "--parallelism", paramLabel = "N", description = "Parallel subtasks (default: the number of cores).")
  int parallelism = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    Path dir = samples != null ? samples : Path.of(System.getProperty("mathsieve.root", ".")).resolve("samples");
    if (!Files.isDirectory(dir.resolve("warc"))) {
      throw new UserError("no sample set at " + dir + " (expected " + dir.resolve("warc") + "); pass --samples DIR");
    }
    System.err.println("mathsieve demo: extracting " + dir.resolve("warc") + " into " + output + " ...");
    RunSummary summary = ExtractJob.run(InputResolver.resolve(List.of(dir.resolve("warc").toString())), output,
        MathsieveConfig.defaults(), parallelism, true);
    JsonNode r = summary.root();
    System.out.println();
    System.out.println("Funnel");
    System.out.printf("  %-34s %8d%n", "WARC files", r.get("input_files").asLong());
    System.out.printf("  %-34s %8d%n", "response records", r.at("/records/response").asLong() + r.at("/records/corrupt").asLong());
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) r.get("rejections")::fields) {
      System.out.printf("    %-32s %8d%n", "- " + e.getKey(), e.getValue().asLong());
    }
    System.out.printf("  %-34s %8d%n", "pages", r.get("pages").asLong());
    System.out.println();
    System.out.println("pages store:      " + output.resolve("pages"));
    System.out.println("rejections store: " + output.resolve("rejections"));
    System.out.println("run summary:      " + output.resolve("run.json"));
    return 0;
  }
}

package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.source.WarcSplit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve extract}: WARC files to the pages store. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "WARC files to the pages store: text with math kept as LaTeX.",
      "",
      "Writes DIR/pages/*.parquet (one row per kept page), DIR/rejections/*.parquet (one row per response record",
      "not kept, with its stage and reason), DIR/files/*.parquet (records per WARC file) and DIR/run.json (counts",
      "and config). Runs as a bounded Flink job on a local MiniCluster, or on a cluster under flink run."
    })
public final class ExtractCommand implements Callable<Integer> {
  @Mixin CrawlInputs inputs;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "The output directory.")
  Path output;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    MathsieveConfig config = common.config();
    List<WarcSplit> splits = inputs.resolve(config.warc());
    if (!common.quiet) {
      System.err.println("mathsieve extract: " + splits.size() + " WARC file(s), parallelism " + common.parallelism() + ", output " + output);
    }
    ExtractSummary summary = ExtractJob.run(splits, output, config, common.jobs(), common.overwrite);
    if (!common.quiet) {
      JsonNode r = summary.json();
      System.out.println("pages:      " + summary.pages() + "  -> " + output.resolve("pages"));
      System.out.println("rejections: " + r.get("rejections") + "  -> " + output.resolve("rejections"));
      System.out.println("records:    " + r.get("records"));
      System.out.println("summary:    " + output.resolve("run.json"));
    }
    return Accounting.check(summary);
  }
}

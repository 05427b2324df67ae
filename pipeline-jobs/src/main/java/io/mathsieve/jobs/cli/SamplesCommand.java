package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.UserError;
import io.mathsieve.samples.SampleGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mathsieve samples}: writes a deterministic set of realistic sample WARC files. */
@Command(
    name = "samples",
    mixinStandardHelpOptions = true,
    description = {
      "Generates realistic sample WARC files for tests, the demo and benchmarks.",
      "",
      "Math pages in every markup style, non-math pages, planted duplicates and broken records, plus",
      "manifest.jsonl saying what each record should become. Same seed, same bytes."
    })
public final class SamplesCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where to write warc/ and manifest.jsonl.")
  Path output;

  @Option(names = "--scale", paramLabel = "N", description = "Multiplies the number of pages per site (default: ${DEFAULT-VALUE}).")
  int scale = 1;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = SampleGenerator.Options.defaults().seed();

  @Override
  public Integer call() {
    if (scale < 1) {
      throw new UserError("--scale must be at least 1, got " + scale);
    }
    SampleGenerator.Options d = SampleGenerator.Options.defaults();
    SampleGenerator.Summary s = SampleGenerator.generate(output, new SampleGenerator.Options(seed, scale, d.files(), d.maxBodyBytes()));
    System.out.println("wrote " + s.warcFiles().size() + " WARC files with " + s.responseRecords() + " response records ("
        + s.mathPages() + " math pages) and " + s.manifest());
    return 0;
  }
}

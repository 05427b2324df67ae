package io.mathsieve.jobs.cli;

import io.mathsieve.decontam.benchmarks.BenchmarkFetcher;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mathsieve benchmarks}: benchmark test sets for decontamination. */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, description = "Benchmark test sets for decontamination.",
    subcommands = {BenchmarksCommand.Fetch.class, BenchmarksCommand.ListSets.class})
public final class BenchmarksCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "a subcommand is required: fetch or list");
  }

  /** {@code benchmarks fetch}: downloads the public test sets. */
  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = {"Downloads the public benchmark test sets (needs internet access) into DIR/<benchmark>/, ready for decontam-index."})
  static final class Fetch implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where to write.")
    Path output;

    @Option(names = "--only", paramLabel = "NAME", description = "Only these benchmarks (see 'benchmarks list'); repeatable.")
    List<String> only = new ArrayList<>();

    @Option(names = "--mirror", paramLabel = "URL", description = "A mirror serving <host>/<path> for every canonical https://<host>/<path>.")
    String mirror;

    @Override
    public Integer call() throws Exception {
      List<BenchmarkFetcher.Entry> entries;
      try {
        entries = BenchmarkFetcher.select(only);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), e);
      }
      try {
        new BenchmarkFetcher(mirror).fetch(output, entries, System.out::println);
      } catch (java.io.IOException e) {
        throw new UserError("benchmarks fetch: " + e.getMessage() + " (offline? use --mirror, or copy the files by hand)", e);
      }
      return 0;
    }
  }

  /** {@code benchmarks list}: the catalogue. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the benchmark files 'fetch' downloads, and from where.")
  static final class ListSets implements Callable<Integer> {
    @Override
    public Integer call() {
      for (BenchmarkFetcher.Entry e : BenchmarkFetcher.CATALOG) {
        System.out.printf("%-10s %-28s %s%n", e.benchmark(), e.file(), e.url());
      }
      return 0;
    }
  }
}

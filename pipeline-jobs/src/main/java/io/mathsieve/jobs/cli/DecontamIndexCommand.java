package io.mathsieve.jobs.cli;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.benchmarks.BenchmarkFileException;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve decontam-index}: builds the benchmark n-gram index once. */
@Command(name = "decontam-index", mixinStandardHelpOptions = true,
    description = {
      "Builds the benchmark n-gram index used by decontam, from benchmark test sets.",
      "",
      "Reads JSONL, JSON (arrays, or one object per file), CSV (MMLU's rows, or with a header) and Parquet records in any layout:",
      "known layouts (GSM8K, MATH, CMATH, AGIEval, MMLU, SVAMP, ASDiv, miniF2F) by their fields, any other record by its text fields",
      "(question, problem, input, passage ...; never ids, labels or numbers), and Lean/Isabelle theorem statements. Files that are not",
      "benchmarks are listed as skipped. Each benchmark is named after its directories. Prints what was indexed, per benchmark with the",
      "fields used, and writes one versioned index file."
    })
public final class DecontamIndexCommand implements Callable<Integer> {
  @Option(names = "--benchmarks", required = true, arity = "1..*", paramLabel = "PATH", description = "Benchmark files or directories.")
  List<Path> benchmarks;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The index file to write.")
  Path output;

  @Mixin BenchmarkIndexOptions indexing;

  @Option(names = "--strict", description = "Fail on a record of no known layout and on a file that is not a benchmark, instead of reading what it has.")
  boolean strict;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    DecontamConfig config = indexing.config(common);
    DecontamJob.IndexBuild built;
    try {
      built = DecontamJob.buildIndex(benchmarks, indexing.fields, strict, config, output);
    } catch (BenchmarkFileException e) {
      throw new UserError(e.getMessage(), e);
    }
    if (!common.quiet) {
      System.out.print(DecontamJob.summary(built, output));
    }
    return 0;
  }
}

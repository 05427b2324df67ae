package io.mathsieve.jobs.cli;

import io.mathsieve.config.Settings;
import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.benchmarks.BenchmarkFileException;
import io.mathsieve.decontam.index.BenchmarkIndex;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
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
      "Reads GSM8K, MATH, CMATH, AGIEval, MMLU, SVAMP, ASDiv, miniF2F files (JSONL, JSON, MMLU CSV, Parquet), or any JSONL/Parquet",
      "with --field naming the text fields. Each benchmark is named after its directory. Writes one versioned index file."
    })
public final class DecontamIndexCommand implements Callable<Integer> {
  @Option(names = "--benchmarks", required = true, arity = "1..*", paramLabel = "PATH", description = "Benchmark files or directories.")
  List<Path> benchmarks;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The index file to write.")
  Path output;

  @Option(names = "--ngram", paramLabel = "N", description = "N-gram length in tokens (default 10; decontam.ngram).")
  Integer ngram;

  @Option(names = "--field", paramLabel = "NAME", description = "A text field of every record (generic format); repeatable, in order.")
  List<String> fields = new ArrayList<>();

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    DecontamConfig config = config(common, ngram);
    BenchmarkIndex index;
    try {
      index = DecontamJob.buildIndex(benchmarks, fields, config, output);
    } catch (BenchmarkFileException e) {
      throw new UserError(e.getMessage(), e);
    }
    if (!common.quiet) {
      for (BenchmarkIndex.BenchmarkInfo b : index.benchmarks()) {
        System.out.printf("%-20s %6d items (%d long, %d short, %d too short to index)%n", b.name(), b.items(), b.longItems(), b.shortItems(),
            b.skippedItems());
      }
      System.out.println("index: " + output + " (" + index.ngramCount() + " " + index.ngram() + "-grams)");
    }
    return 0;
  }

  static DecontamConfig config(CommonOptions common, Integer ngram) {
    Settings s = common.settings();
    if (ngram != null) {
      s = s.with(DecontamConfig.NGRAM.key(), ngram.toString(), "--ngram");
    }
    return MathsieveConfig.from(s).decontam();
  }
}

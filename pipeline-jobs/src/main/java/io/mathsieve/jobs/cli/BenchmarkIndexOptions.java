package io.mathsieve.jobs.cli;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.jobs.config.MathsieveConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How benchmark files become an n-gram index, for {@code decontam-index} and {@code decontam --benchmarks} alike. */
public final class BenchmarkIndexOptions {
  @Option(names = "--ngram", paramLabel = "N", description = "N-gram length in tokens (default 10; decontam.ngram); an index is read only at its own length.")
  Integer ngram;

  @Option(names = "--field", paramLabel = "NAME", description = "A text field of every record of a generic benchmark file; repeatable, in order.")
  List<String> fields = new ArrayList<>();

  /** The decontamination config of {@code common} with {@code --ngram} applied. */
  DecontamConfig config(CommonOptions common) {
    return MathsieveConfig.from(common.settings().withFlag(DecontamConfig.NGRAM.key(), ngram, "--ngram")).decontam();
  }
}

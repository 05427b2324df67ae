package io.mathsieve.jobs.cli;

import io.mathsieve.classifiers.iterate.IterateConfig;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the classifier learns from and is measured on, and its token budget: the options {@code build} and {@code iterate} share. */
public final class ClassifierExamples {
  @Option(names = "--seed", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Seed positives: OpenWebMath-style JSONL/Parquet with a 'text' column, or .txt files of URL patterns.")
  List<Path> seeds;

  @Option(names = "--negatives", arity = "1..*", paramLabel = "PATH", description = "Negatives (JSONL/Parquet with 'text'); default: sampled from the pages.")
  List<Path> negatives = new ArrayList<>();

  @Option(names = "--annotations", paramLabel = "FILE", description = "URL patterns to include (+) or exclude (-), overriding the mined ones.")
  Path annotations;

  @Option(names = "--labels", paramLabel = "FILE", description = "url<TAB>math|other lines: precision and recall per iteration.")
  Path labels;

  @Option(names = "--budget-tokens", paramLabel = "N", description = "Collect the top pages up to N tokens in each iteration (iterate.budget-tokens).")
  Long budget;

  /** The examples, once every named file is checked to exist. */
  IterateDriver.Examples examples() {
    checkFiles("--seed", seeds);
    checkFiles("--negatives", negatives);
    checkFiles("--annotations", annotations == null ? List.of() : List.of(annotations));
    checkFiles("--labels", labels == null ? List.of() : List.of(labels));
    return new IterateDriver.Examples(seeds, negatives, annotations, labels);
  }

  /** {@code s} with {@code --budget-tokens} applied. */
  Settings withBudget(Settings s) {
    if (budget == null) {
      return s;
    }
    if (budget <= 0) {
      throw new UserError("--budget-tokens must be positive, got " + budget);
    }
    return s.with(IterateConfig.BUDGET_TOKENS.key(), budget.toString(), "--budget-tokens");
  }

  static void checkFiles(String option, List<Path> paths) {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UserError(option + " " + p + " does not exist");
      }
    }
  }
}

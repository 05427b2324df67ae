package io.mathsieve.jobs.cli;

import io.mathsieve.classifiers.iterate.IterateConfig;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.classify.SeedFiles;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the classifier learns from and is measured on, and its token budget: the options {@code build} and {@code iterate} share. */
public final class ClassifierExamples {
  @Option(names = "--seed", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Seed positives: OpenWebMath-style JSONL/Parquet with a 'text' column, or .txt files of URL patterns; a directory "
          + "stands for those files in it.")
  List<Path> seeds;

  @Option(names = "--negatives", arity = "1..*", paramLabel = "PATH", description = "Negatives (JSONL/Parquet with 'text', or a directory of them); default: sampled from the pages.")
  List<Path> negatives = new ArrayList<>();

  @Option(names = "--annotations", paramLabel = "FILE", description = "URL patterns to include (+) or exclude (-), overriding the mined ones.")
  Path annotations;

  @Option(names = "--labels", paramLabel = "FILE", description = "url<TAB>math|other lines: precision and recall per iteration.")
  Path labels;

  @Option(names = "--budget-tokens", paramLabel = "N", description = "Collect the top pages up to N tokens in each iteration (iterate.budget-tokens).")
  Long budget;

  static final List<String> SEED_FILES = java.util.stream.Stream.concat(SeedFiles.CORPUS_ENDINGS.stream(),
      java.util.stream.Stream.of(SeedFiles.PATTERNS_ENDING)).toList();
  static final List<String> NEGATIVE_FILES = SeedFiles.CORPUS_ENDINGS;

  /**
   * The examples, once every named file is checked to exist, with each seed or negatives directory
   * replaced by its files (a directory of OpenWebMath's Parquet shards is the usual seed).
   */
  IterateDriver.Examples examples() {
    List<Path> seedFiles = files("--seed", seeds, SEED_FILES);
    List<Path> negativeFiles = files("--negatives", negatives, NEGATIVE_FILES);
    for (Path n : negativeFiles) {
      if (seedFiles.stream().anyMatch(s -> s.toAbsolutePath().normalize().equals(n.toAbsolutePath().normalize()))) {
        // as when a seed directory holds the negatives too
        throw new UserError("--seed and --negatives both give " + n + ": a file cannot be positives and negatives");
      }
    }
    checkFiles("--annotations", annotations == null ? List.of() : List.of(annotations));
    checkFiles("--labels", labels == null ? List.of() : List.of(labels));
    return new IterateDriver.Examples(seedFiles, negativeFiles, annotations, labels);
  }

  /**
   * The files {@code paths} name: a file as given, a directory as its files ending in one of
   * {@code endings} (sorted by name; its subdirectories are not read).
   */
  static List<Path> files(String option, List<Path> paths, List<String> endings) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UserError(option + " " + p + " does not exist");
      }
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      List<Path> inside;
      try (java.util.stream.Stream<Path> list = Files.list(p)) {
        inside = list.filter(Files::isRegularFile)
            .filter(f -> endings.stream().anyMatch(e -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(e)))
            .sorted().toList();
      } catch (java.io.IOException e) {
        throw new UserError("cannot list " + option + " " + p + ": " + e.getMessage(), e);
      }
      if (inside.isEmpty()) {
        throw new UserError(option + " " + p + " is a directory with no " + String.join(", ", endings) + " file");
      }
      out.addAll(inside);
    }
    return out;
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

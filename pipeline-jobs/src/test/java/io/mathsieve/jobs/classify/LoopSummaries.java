package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.math.TrainingPlan;
import io.mathsieve.classifiers.math.Validation;
import java.util.List;
import java.util.Map;

/** Loop summaries as the tests of the build and the report need them, every field given. */
public final class LoopSummaries {
  private LoopSummaries() {}

  /** An iteration that collected {@code collected} pages, {@code newPages} of them new, with {@code domain} a math domain and {@code pattern} accepted. */
  public static IterationSummary iteration(int i, long collected, long newPages, String domain, String pattern) {
    // No held-out math page scored in this fold: its quantiles are NaN, as Validation.of writes them.
    Validation v = new Validation(20, 30, 0.98, 0.41, 0.95, 0.9, 0.925, new Validation.Quantiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN), new Validation.Quantiles(0.0, 0.01, 0.05, 0.3, 0.6));
    TrainingReport training = new TrainingReport(20, 5L * (i - 1), 30, 2, "sampled from the pages store at rate 0.5", List.of("seed.jsonl"),
        "iterations/iter-" + i + "/model.bin", "v" + i, Map.of("classify.epoch", "25"), new TrainingPlan(50, 9000, 25, 40, 0.1, "raised", 100_000),
        "a held-out 20%", 1, v, null, null);
    long[] histogram = new long[20];
    histogram[19] = collected;
    return new IterationSummary(i, "v" + i, training, 0.5, "score >= 0.5", collected, 100 * collected, newPages, (double) newPages / collected, 1,
        List.of(new IterationSummary.DomainShare(domain, 2 * collected, collected, 0.5)), List.of(pattern), 3, null, null, null, histogram,
        "continuing");
  }

  /** A finished loop of {@code iterations}, the last one final at {@code threshold}. */
  public static LoopSummary loop(double threshold, IterationSummary... iterations) {
    return new LoopSummary("x/pages", 100, "2026-01-01T00:00:00Z", List.of(iterations), iterations.length,
        "w/iterations/iter-" + iterations.length + "/model.bin", threshold, Map.of("iterate.threshold", "0.5"), "fp");
  }
}

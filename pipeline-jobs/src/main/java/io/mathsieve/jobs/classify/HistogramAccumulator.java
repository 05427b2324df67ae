package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.iterate.ScoreHistogram;
import org.apache.flink.api.common.accumulators.Accumulator;

/** A {@link ScoreHistogram} summed over all subtasks as a Flink accumulator. */
public final class HistogramAccumulator implements Accumulator<double[], ScoreHistogram> {
  public static final String NAME = "classify.score_histogram";

  private ScoreHistogram histogram = new ScoreHistogram();

  /** {@code {score, tokens}}. */
  @Override
  public void add(double[] scoreAndTokens) {
    histogram.add(scoreAndTokens[0], (long) scoreAndTokens[1]);
  }

  public void add(double score, long tokens) {
    histogram.add(score, tokens);
  }

  @Override
  public ScoreHistogram getLocalValue() {
    return histogram;
  }

  @Override
  public void resetLocal() {
    histogram = new ScoreHistogram();
  }

  @Override
  public void merge(Accumulator<double[], ScoreHistogram> other) {
    histogram.merge(other.getLocalValue());
  }

  @Override
  public HistogramAccumulator clone() {
    HistogramAccumulator c = new HistogramAccumulator();
    c.histogram.merge(histogram);
    return c;
  }
}

package io.mathsieve.classifiers.math;

/** Predictions against labels: true positives, false positives, false negatives, and the figures from them. */
public record Confusion(long truePositives, long falsePositives, long falseNegatives) {
  public double precision() {
    return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
  }

  public double recall() {
    return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
  }

  public double f1() {
    return truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
  }
}

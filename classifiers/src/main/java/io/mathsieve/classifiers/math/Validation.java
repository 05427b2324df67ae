package io.mathsieve.classifiers.math;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How well a model separates validated math pages from validated other pages (each scored by a model that did not train on it): ROC-AUC, the
 * threshold with the best F1 and precision, recall and F1 there, and each class's score
 * distribution. Also says when a model learned nothing ({@link #degenerate}).
 *
 * <pre>{@code
 * Validation v = Validation.of(scores, isMath);
 * v.degenerate(0.65).ifPresent(problem -> { throw new IllegalStateException(problem); });
 * double t = v.threshold();
 * }</pre>
 *
 * @param positives validated math examples
 * @param negatives validated other examples
 * @param auc ROC-AUC (ties count half)
 * @param threshold the F1-maximising threshold: midway between the lowest score it keeps and the highest it drops
 * @param precision precision at {@code threshold}
 * @param recall recall at {@code threshold}
 * @param f1 F1 at {@code threshold}
 * @param math quantiles of the math examples' scores
 * @param other quantiles of the other examples' scores
 */
public record Validation(int positives, int negatives, double auc, double threshold, double precision, double recall, double f1,
    Quantiles math, Quantiles other) {

  /** A score distribution: min, 10th, 50th and 90th percentile, max. */
  public record Quantiles(double min, double p10, double p50, double p90, double max) {
    static Quantiles of(double[] sorted) {
      if (sorted.length == 0) {
        return new Quantiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      return new Quantiles(sorted[0], at(sorted, 0.1), at(sorted, 0.5), at(sorted, 0.9), sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double q) {
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
  }

  /** Scores below this spread (max - min over all validated examples) mean the model says the same of every page. */
  public static final double MIN_SPREAD = 0.05;

  /** Measures {@code scores} against the labels {@code math}. */
  public static Validation of(double[] scores, boolean[] math) {
    if (scores.length != math.length) {
      throw new IllegalArgumentException(scores.length + " scores for " + math.length + " labels");
    }
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a])); // descending
    int pos = 0;
    for (boolean m : math) {
      pos += m ? 1 : 0;
    }
    int neg = n - pos;
    // AUC: for every negative, the positives ranked above it, ties counted half.
    double auc = Double.NaN;
    if (pos > 0 && neg > 0) {
      double wins = 0;
      int above = 0;
      for (int i = 0; i < n; ) {
        int j = i;
        int p = 0;
        int q = 0;
        while (j < n && scores[order[j]] == scores[order[i]]) {
          if (math[order[j]]) {
            p++;
          } else {
            q++;
          }
          j++;
        }
        wins += q * (above + p / 2.0);
        above += p;
        i = j;
      }
      auc = wins / ((double) pos * neg);
    }
    // Best F1 over cuts below each distinct score (on equal F1 the higher cut); the threshold sits
    // midway to the next lower score, so it does not hang on the one held-out page at the edge.
    double bestF1 = 0;
    double bestT = 1;
    double bestP = 0;
    double bestR = 0;
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < n; ) {
      double t = scores[order[i]];
      while (i < n && scores[order[i]] == t) {
        if (math[order[i]]) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      double f = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + (pos - tp));
      if (f > bestF1) {
        bestF1 = f;
        bestT = i < n ? (t + scores[order[i]]) / 2 : t;
        bestP = (double) tp / (tp + fp);
        bestR = pos == 0 ? 0 : (double) tp / pos;
      }
    }
    double[] m = new double[pos];
    double[] o = new double[neg];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      if (math[i]) {
        m[a++] = scores[i];
      } else {
        o[b++] = scores[i];
      }
    }
    Arrays.sort(m);
    Arrays.sort(o);
    return new Validation(pos, neg, auc, bestT, bestP, bestR, bestF1, Quantiles.of(m), Quantiles.of(o));
  }


  /**
   * Why this model must not be used, or empty when it may: no validated example of a class, an AUC
   * below {@code minAuc}, or scores that barely vary.
   */
  public Optional<String> degenerate(double minAuc) {
    if (positives == 0 || negatives == 0) {
      return Optional.of(String.format(Locale.ROOT, "no %s example to validate on (%d math, %d other)",
          positives == 0 ? "math" : "other", positives, negatives));
    }
    double spread = Math.max(math.max(), other.max()) - Math.min(math.min(), other.min());
    if (spread < MIN_SPREAD) {
      return Optional.of(String.format(Locale.ROOT, "the model gives every validated page about the same score (%.4f to %.4f)",
          Math.min(math.min(), other.min()), Math.max(math.max(), other.max())));
    }
    if (auc < minAuc) {
      return Optional.of(String.format(Locale.ROOT, "the model barely tells math pages it did not train on from other pages (ROC-AUC %.3f, needs %.2f)",
          auc, minAuc));
    }
    return Optional.empty();
  }

  /** One line for the progress output. */
  public String summary() {
    return String.format(Locale.ROOT, "validation on %d+%d: AUC %.3f, F1 %.3f (P %.3f R %.3f) at %.3f", positives, negatives, auc, f1,
        precision, recall, threshold);
  }
}

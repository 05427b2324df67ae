package io.mathsieve.classifiers.math;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The second stage of the math score: a logistic regression over the fastText probability and the
 * extractor's math signals. fastText reads a page as a bag of words, where a handful of formula
 * tokens weigh little against a thousand words; the combiner gives "this page has 12 formulas" the
 * weight the held-out pages say it has.
 *
 * <p>Fitted on the validation split (pages fastText did not train on), by Newton's method with an
 * L2 penalty on the signals' weights only: deterministic, and with five weights it needs only a few
 * dozen examples. Left free, fastText's weight also rescales its scores, which at small learning
 * rates stay near 0.5; penalised, a few dozen examples let "has formulas" overrule the text model
 * on every page without formulas, math software manuals among them.
 *
 * <pre>{@code
 * ScoreCombiner c = ScoreCombiner.fit(fastTextScores, signals, labels);
 * double p = c.score(fastTextScore, MathSignals.of(page.formulas(), page.hasMathMarkup()));
 * }</pre>
 *
 * @param weights intercept, then one weight per {@link #features} entry
 */
public record ScoreCombiner(double[] weights) implements Serializable {
  /** The feature names, in the order of {@link #features}. */
  public static final String[] FEATURES = {"fasttext_logit", "has_formula", "formula_bucket", "markup"};

  /** L2 penalty on the signals' weights: fastText's is free, so the signals add to the text model and do not replace it. */
  private static final double PENALTY = 1.0;
  private static final int ITERATIONS = 25;

  public ScoreCombiner {
    if (weights.length != FEATURES.length + 1) {
      throw new IllegalArgumentException("a combiner has " + (FEATURES.length + 1) + " weights, got " + weights.length);
    }
    weights = weights.clone();
  }

  /** The combined P(math). */
  public double score(double fastText, MathSignals s) {
    double[] x = features(fastText, s);
    double z = weights[0];
    for (int i = 0; i < x.length; i++) {
      z += weights[i + 1] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The combiner's inputs: the fastText logit (clipped, as fastText's probabilities saturate), and the signals. */
  static double[] features(double fastText, MathSignals s) {
    double p = Math.min(1 - 1e-6, Math.max(1e-6, fastText));
    double logit = Math.log(p / (1 - p));
    return new double[] {logit, s.formulas() > 0 ? 1 : 0, s.formulaBucket() / (double) MathSignals.MAX_BUCKET, s.markup() ? 1 : 0};
  }

  /** Fits the combiner to labelled examples. */
  public static ScoreCombiner fit(double[] fastText, MathSignals[] signals, boolean[] math) {
    int n = fastText.length;
    int d = FEATURES.length + 1;
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] f = features(fastText[i], signals[i]);
      x[i] = new double[d];
      x[i][0] = 1;
      System.arraycopy(f, 0, x[i], 1, f.length);
    }
    double[] w = new double[d];
    for (int it = 0; it < ITERATIONS; it++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int i = 0; i < n; i++) {
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += w[j] * x[i][j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double r = (math[i] ? 1 : 0) - p;
        double v = p * (1 - p);
        for (int j = 0; j < d; j++) {
          grad[j] += r * x[i][j];
          for (int k = 0; k < d; k++) {
            hess[j][k] += v * x[i][j] * x[i][k];
          }
        }
      }
      for (int j = 2; j < d; j++) { // neither the intercept nor fastText's weight is penalised
        grad[j] -= PENALTY * w[j];
        hess[j][j] += PENALTY;
      }
      hess[0][0] += 1e-6;
      double[] step = solve(hess, grad);
      double change = 0;
      for (int j = 0; j < d; j++) {
        w[j] += step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (change < 1e-9) {
        break;
      }
    }
    return new ScoreCombiner(w);
  }

  /** Gaussian elimination with partial pivoting, for the small symmetric positive-definite systems of {@link #fit}. */
  private static double[] solve(double[][] a0, double[] b0) {
    int d = b0.length;
    double[][] a = new double[d][];
    for (int i = 0; i < d; i++) {
      a[i] = Arrays.copyOf(a0[i], d + 1);
      a[i][d] = b0[i];
    }
    for (int c = 0; c < d; c++) {
      int pivot = c;
      for (int r = c + 1; r < d; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      for (int r = c + 1; r < d; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k <= d; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] x = new double[d];
    for (int r = d - 1; r >= 0; r--) {
      double s = a[r][d];
      for (int k = r + 1; k < d; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreCombiner c && Arrays.equals(weights, c.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "ScoreCombiner" + Arrays.toString(weights);
  }
}

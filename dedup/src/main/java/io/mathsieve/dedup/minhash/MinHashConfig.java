package io.mathsieve.dedup.minhash;

import java.io.Serializable;
import java.util.Locale;

/**
 * A MinHash LSH setting: {@code bands} bands of {@code rows} rows ({@code bands × rows} hash
 * permutations) over word {@code ngram} shingles, with an explicit seed. Two documents become
 * candidates when all rows of at least one band agree, which happens with probability
 * {@code 1 - (1 - J^rows)^bands} at Jaccard similarity J: an S-curve centred near
 * {@code (1/bands)^(1/rows)}.
 *
 * <pre>{@code
 * MinHashConfig c = MinHashConfig.DEEPSEEKMATH_DEFAULT;   // 14 x 8, 5-grams
 * c.threshold();                 // 0.719...
 * c.catchProbability(0.8);       // 0.924...
 * }</pre>
 */
public record MinHashConfig(int bands, int rows, int ngram, long seed) implements Serializable {
  /** 14 bands × 8 rows = 112 permutations, threshold ≈ 0.72, 5-word shingles. */
  public static final MinHashConfig DEEPSEEKMATH_DEFAULT = new MinHashConfig(14, 8, 5, 1);
  /** MegaMath's 11 bands × 10 rows = 110 permutations, threshold ≈ 0.79. */
  public static final MinHashConfig MEGAMATH = new MinHashConfig(11, 10, 5, 1);

  public MinHashConfig {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("MinHash needs at least 1 band and 1 row, got " + bands + " x " + rows);
    }
    if ((long) bands * rows > 1024) {
      throw new IllegalArgumentException("MinHash bands x rows must be at most 1024 permutations, got " + bands + " x " + rows);
    }
    if (ngram < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1 word, got " + ngram);
    }
  }

  public int permutations() {
    return bands * rows;
  }

  /** The Jaccard similarity at which the catch probability rises fastest, {@code (1/b)^(1/r)}. */
  public double threshold() {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  /** Probability that two documents of Jaccard similarity {@code jaccard} share a band. */
  public double catchProbability(double jaccard) {
    return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
  }

  /** One line for logs and run summaries: the setting, its threshold and its S-curve. */
  public String describe() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "MinHash LSH %d bands x %d rows = %d permutations, %d-word shingles: threshold %.3f;",
        bands, rows, permutations(), ngram, threshold()));
    for (double j : new double[] {0.5, 0.7, 0.8, 0.9}) {
      s.append(String.format(Locale.ROOT, " P(caught | J=%.1f) = %.3f", j, catchProbability(j)));
      s.append(j < 0.9 ? "," : "");
    }
    return s.toString();
  }
}

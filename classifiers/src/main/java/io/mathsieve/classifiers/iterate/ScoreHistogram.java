package io.mathsieve.classifiers.iterate;

import java.io.Serializable;

/**
 * Pages and tokens by score, in fixed bins over [0, 1]: a few hundred kilobytes summarising any
 * number of pages, merged across subtasks, from which the score threshold of a token budget is read
 * without sorting the pages.
 *
 * <pre>{@code
 * ScoreHistogram h = new ScoreHistogram();  h.add(score, tokens);  ...  h.merge(other);
 * double t = h.thresholdForBudget(40_000_000_000L);   // collect pages with score >= t
 * }</pre>
 *
 * <p>Resolution: {@link #BINS} bins of width 1e-4; pages in the bin where the budget runs out are
 * all collected or all left, so the collected tokens can differ from the budget by one bin's worth.
 */
public final class ScoreHistogram implements Serializable {
  public static final int BINS = 10_000;

  private final long[] pages = new long[BINS];
  private final long[] tokens = new long[BINS];

  public void add(double score, long pageTokens) {
    int b = bin(score);
    pages[b]++;
    tokens[b] += pageTokens;
  }

  public void merge(ScoreHistogram o) {
    for (int i = 0; i < BINS; i++) {
      pages[i] += o.pages[i];
      tokens[i] += o.tokens[i];
    }
  }

  static int bin(double score) {
    if (!(score > 0)) {
      return 0;
    }
    return Math.min(BINS - 1, (int) (score * BINS));
  }

  /** The lower edge of bin {@code b}. */
  static double edge(int b) {
    return (double) b / BINS;
  }

  /**
   * The lowest score threshold whose pages (score at or above it) fit in {@code budget} tokens,
   * taking whole bins from the top; the top non-empty bin is taken even when it alone exceeds the
   * budget.
   */
  public double thresholdForBudget(long budget) {
    long sum = 0;
    int lowest = BINS;
    for (int b = BINS - 1; b >= 0; b--) {
      if (pages[b] == 0) {
        continue;
      }
      if (sum + tokens[b] > budget && lowest < BINS) {
        break;
      }
      sum += tokens[b];
      lowest = b;
      if (sum >= budget) {
        break;
      }
    }
    return lowest == BINS ? 1.0 : edge(lowest);
  }

  /** Pages with a score at or above {@code threshold}. */
  public long pagesAtOrAbove(double threshold) {
    long n = 0;
    for (int b = bin(threshold); b < BINS; b++) {
      n += pages[b];
    }
    return n;
  }

  /** Tokens of pages with a score at or above {@code threshold}. */
  public long tokensAtOrAbove(double threshold) {
    long n = 0;
    for (int b = bin(threshold); b < BINS; b++) {
      n += tokens[b];
    }
    return n;
  }

  public long totalPages() {
    return pagesAtOrAbove(0);
  }

  /** Page counts in {@code buckets} equal-width buckets over [0, 1], for charts. */
  public long[] coarse(int buckets) {
    long[] out = new long[buckets];
    for (int b = 0; b < BINS; b++) {
      out[Math.min(buckets - 1, b * buckets / BINS)] += pages[b];
    }
    return out;
  }

  /** Whether {@code score} is collected under {@code threshold}: compared bin-wise, exactly as the histogram counts. */
  public static boolean collected(double score, double threshold) {
    return bin(score) >= bin(threshold);
  }
}

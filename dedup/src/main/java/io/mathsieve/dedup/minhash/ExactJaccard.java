package io.mathsieve.dedup.minhash;

import java.util.Arrays;

/**
 * The exact Jaccard similarity of two documents' shingle sets, for verifying LSH candidate pairs:
 * each set is a sorted array of distinct 64-bit shingle hashes ({@link #set}), compared by one
 * merge, with no per-shingle objects.
 */
public final class ExactJaccard {
  private ExactJaccard() {}

  /** The distinct shingle hashes of {@code text}, sorted; empty when it has no words. */
  public static long[] set(Shingler shingler, CharSequence text) {
    return set(shingler.hashes(), shingler.shingle(text));
  }

  /** The distinct values of the first {@code n} of {@code hashes}, sorted, in a new array. */
  public static long[] set(long[] hashes, int n) {
    long[] s = Arrays.copyOf(hashes, n);
    Arrays.sort(s);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        s[distinct++] = s[i];
      }
    }
    return distinct == n ? s : Arrays.copyOf(s, distinct);
  }

  /** |a ∩ b| / |a ∪ b| of two sets made by {@link #set}; 0 when both are empty. */
  public static double of(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }
}

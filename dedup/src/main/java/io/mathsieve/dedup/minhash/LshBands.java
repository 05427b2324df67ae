package io.mathsieve.dedup.minhash;

import io.mathsieve.hash.Murmur3;

/**
 * Band keys of a MinHash signature: documents whose signatures agree on every row of a band get the
 * same key for that band. The band's index is mixed into its key, so one 64-bit key identifies a
 * bucket across all bands.
 */
public final class LshBands {
  private LshBands() {}

  /** The bucket key of band {@code band} of {@code signature}. */
  public static long key(long[] signature, int band, int rows) {
    long h = Murmur3.fmix64(0x62616e64L + band); // "band"
    int start = band * rows;
    for (int r = 0; r < rows; r++) {
      h = Murmur3.fmix64(h ^ signature[start + r]) + r;
    }
    return h;
  }

  /** All band keys of {@code signature} into {@code out} (length {@code bands}). */
  public static void keys(long[] signature, int bands, int rows, long[] out) {
    for (int b = 0; b < bands; b++) {
      out[b] = key(signature, b, rows);
    }
  }
}

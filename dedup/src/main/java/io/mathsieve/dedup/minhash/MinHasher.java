package io.mathsieve.dedup.minhash;

import io.mathsieve.hash.Murmur3;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of the {@code bands × rows} permutations, the minimum over a
 * document's shingle hashes of {@code a_i * x + b_i} (64-bit wrap-around arithmetic, a bijection for
 * odd {@code a_i}). The {@code a_i, b_i} are drawn from a {@code SplittableRandom} seeded with the
 * config's seed, so signatures are reproducible. Primitive arrays only; safe to share between
 * threads.
 *
 * <pre>{@code
 * MinHasher h = new MinHasher(MinHashConfig.DEEPSEEKMATH_DEFAULT);
 * long[] sig = h.signature(new Shingler(5, 1).shingles(text));
 * }</pre>
 */
public final class MinHasher {
  private final MinHashConfig config;
  private final long[] a;
  private final long[] b;

  public MinHasher(MinHashConfig config) {
    this.config = config;
    int p = config.permutations();
    a = new long[p];
    b = new long[p];
    SplittableRandom random = new SplittableRandom(Murmur3.fmix64(config.seed() ^ 0x6d696e68617368L));
    for (int i = 0; i < p; i++) {
      a[i] = random.nextLong() | 1L;
      b[i] = random.nextLong();
    }
  }

  public MinHashConfig config() {
    return config;
  }

  /** The signature of the first {@code count} shingle hashes into {@code out} (length {@code permutations()}). */
  public void signature(long[] shingles, int count, long[] out) {
    Arrays.fill(out, Long.MAX_VALUE);
    int p = out.length;
    for (int s = 0; s < count; s++) {
      long x = shingles[s];
      for (int i = 0; i < p; i++) {
        long v = a[i] * x + b[i];
        if (v < out[i]) {
          out[i] = v;
        }
      }
    }
  }

  public long[] signature(long[] shingles) {
    long[] out = new long[config.permutations()];
    signature(shingles, shingles.length, out);
    return out;
  }

  /**
   * A compact sketch of a signature for verifying candidate pairs: the lowest 8 bits of each minimum
   * (b-bit MinHash). {@link #estimatedJaccard(byte[], byte[])} corrects for chance agreement.
   */
  public static byte[] lowBits(long[] signature) {
    byte[] out = new byte[signature.length];
    for (int i = 0; i < signature.length; i++) {
      out[i] = (byte) signature[i];
    }
    return out;
  }

  /**
   * The Jaccard similarity estimated from two 8-bit sketches: rows agree by chance with probability
   * 1/256 even for unrelated documents, so {@code (agree - 1/256) / (1 - 1/256)}, floored at 0.
   */
  public static double estimatedJaccard(byte[] a, byte[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    double p = (double) same / a.length;
    return Math.max(0, (p - 1.0 / 256) / (1 - 1.0 / 256));
  }

  /** The estimated Jaccard similarity of two documents: the share of permutations whose minima agree. */
  public static double estimatedJaccard(long[] sigA, long[] sigB) {
    int same = 0;
    for (int i = 0; i < sigA.length; i++) {
      if (sigA[i] == sigB[i]) {
        same++;
      }
    }
    return (double) same / sigA.length;
  }
}

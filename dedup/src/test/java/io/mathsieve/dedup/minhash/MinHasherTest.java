package io.mathsieve.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  @Test
  void thresholdAndSCurve() {
    MinHashConfig c = MinHashConfig.DEEPSEEKMATH_DEFAULT;
    assertThat(c.permutations()).isEqualTo(112);
    assertThat(c.threshold()).isCloseTo(0.719, org.assertj.core.data.Offset.offset(0.001));
    assertThat(c.catchProbability(0.5)).isCloseTo(0.053, org.assertj.core.data.Offset.offset(0.001));
    assertThat(c.catchProbability(0.9)).isCloseTo(0.9996, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(MinHashConfig.MEGAMATH.threshold()).isCloseTo(0.787, org.assertj.core.data.Offset.offset(0.001));
    assertThat(c.describe()).startsWith("MinHash LSH 14 bands x 8 rows = 112 permutations, 5-word shingles: threshold 0.719;")
        .contains("P(caught | J=0.8) = 0.924");
  }

  @Test
  void badSettingsRejected() {
    assertThatThrownBy(() -> new MinHashConfig(0, 8, 5, 1)).hasMessage("MinHash needs at least 1 band and 1 row, got 0 x 8");
    assertThatThrownBy(() -> new MinHashConfig(100, 100, 5, 1)).hasMessageContaining("at most 1024");
  }

  // The same shingles give the same signature, whatever their order and repetition.
  @Test
  void signatureIsASetFunction() {
    MinHasher h = new MinHasher(MinHashConfig.DEEPSEEKMATH_DEFAULT);
    assertThat(h.signature(new long[] {1, 2, 3, 3})).containsExactly(h.signature(new long[] {3, 2, 1}));
    assertThat(new MinHasher(new MinHashConfig(14, 8, 5, 2)).signature(new long[] {1, 2, 3})).isNotEqualTo(h.signature(new long[] {1, 2, 3}));
  }

  // The share of signature rows that agree estimates the Jaccard similarity (112 rows: within ±0.15 at 3 sigma).
  @Test
  void signaturesEstimateJaccard() {
    MinHasher h = new MinHasher(MinHashConfig.DEEPSEEKMATH_DEFAULT);
    SplittableRandom r = new SplittableRandom(7);
    long[][] pair = pair(r, 300, 0.6);
    assertThat(MinHasher.estimatedJaccard(h.signature(pair[0]), h.signature(pair[1]))).isBetween(0.45, 0.75);
    // 8-bit sketches estimate it too, corrected for chance agreement; unrelated sets estimate near 0.
    long[] sa = h.signature(pair[0]);
    long[] sb = h.signature(pair[1]);
    assertThat(MinHasher.estimatedJaccard(MinHasher.lowBits(sa), MinHasher.lowBits(sb))).isBetween(0.45, 0.75);
    long[][] unrelated = pair(r, 300, 0.0);
    assertThat(MinHasher.estimatedJaccard(MinHasher.lowBits(h.signature(unrelated[0])), MinHasher.lowBits(h.signature(unrelated[1]))))
        .isLessThan(0.05);
  }

  // The LSH catch rate over pairs of controlled Jaccard similarity follows the theoretical S-curve
  // within a few points, for the default and for MegaMath's setting.
  @Test
  void catchRateFollowsTheSCurve() {
    for (MinHashConfig c : new MinHashConfig[] {MinHashConfig.DEEPSEEKMATH_DEFAULT, MinHashConfig.MEGAMATH}) {
      MinHasher h = new MinHasher(c);
      SplittableRandom r = new SplittableRandom(42);
      for (double j : new double[] {0.5, 0.7, 0.8, 0.9}) {
        int trials = 2000;
        int caught = 0;
        for (int t = 0; t < trials; t++) {
          long[][] p = pair(r, 200, j);
          long[] a = h.signature(p[0]);
          long[] b = h.signature(p[1]);
          for (int band = 0; band < c.bands(); band++) {
            if (LshBands.key(a, band, c.rows()) == LshBands.key(b, band, c.rows())) {
              caught++;
              break;
            }
          }
        }
        assertThat((double) caught / trials).as(c + " at J=" + j).isCloseTo(c.catchProbability(j), org.assertj.core.data.Offset.offset(0.035));
      }
    }
  }

  /** Two sets of random shingle hashes whose union has {@code union} elements and Jaccard similarity {@code j}. */
  static long[][] pair(SplittableRandom r, int union, double j) {
    int shared = (int) Math.round(union * j);
    int onlyA = (union - shared) / 2;
    int onlyB = union - shared - onlyA;
    long[] a = new long[shared + onlyA];
    long[] b = new long[shared + onlyB];
    for (int i = 0; i < shared; i++) {
      a[i] = b[i] = r.nextLong();
    }
    for (int i = shared; i < a.length; i++) {
      a[i] = r.nextLong();
    }
    for (int i = shared; i < b.length; i++) {
      b[i] = r.nextLong();
    }
    return new long[][] {a, b};
  }
}

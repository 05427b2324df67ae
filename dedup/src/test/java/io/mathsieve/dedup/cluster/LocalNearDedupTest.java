package io.mathsieve.dedup.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.dedup.minhash.MinHashConfig;
import io.mathsieve.dedup.minhash.Shingler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Near-dedup quality on text: copies with a few words changed are caught, different texts are not. */
class LocalNearDedupTest {
  static final MinHashConfig CONFIG = MinHashConfig.DEEPSEEKMATH_DEFAULT;

  static String randomText(SplittableRandom r, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(i == 0 ? "" : " ").append("w").append(r.nextInt(20_000));
    }
    return s.toString();
  }

  /** {@code text} with {@code share} of its words replaced by fresh ones. */
  static String changed(SplittableRandom r, String text, double share) {
    String[] w = text.split(" ");
    int n = (int) Math.round(w.length * share);
    Set<Integer> at = new HashSet<>();
    while (at.size() < n) {
      at.add(r.nextInt(w.length));
    }
    for (int i : at) {
      w[i] = "x" + r.nextInt(1_000_000);
    }
    return String.join(" ", w);
  }

  static double jaccard(String a, String b) {
    Shingler s = new Shingler(CONFIG.ngram(), CONFIG.seed());
    Set<Long> sa = new HashSet<>();
    for (long x : s.shingles(a)) {
      sa.add(x);
    }
    Set<Long> sb = new HashSet<>();
    for (long x : s.shingles(b)) {
      sb.add(x);
    }
    Set<Long> inter = new HashSet<>(sa);
    inter.retainAll(sb);
    Set<Long> union = new HashSet<>(sa);
    union.addAll(sb);
    return (double) inter.size() / union.size();
  }

  // Exact copies and copies with 1% of their words changed are always caught; with 2% and 3%, as
  // often as the S-curve says at their real Jaccard similarity (shingles of 5 words: 3% of words
  // changed leaves J ~ 0.75, right at the default threshold 0.72).
  @Test
  void copiesWithFewWordsChangedAreCaught() {
    SplittableRandom r = new SplittableRandom(3);
    for (double share : new double[] {0.0, 0.01, 0.02, 0.03}) {
      Map<String, String> docs = new HashMap<>();
      double expected = 0;
      int pairs = 300;
      for (int i = 0; i < pairs; i++) {
        String base = randomText(r, 400);
        String copy = changed(r, base, share);
        docs.put(String.format("a%04d", i), base);
        docs.put(String.format("b%04d", i), copy);
        expected += CONFIG.catchProbability(jaccard(base, copy));
      }
      Map<String, String> clusters = LocalNearDedup.clusters(docs, CONFIG, 0.5);
      int caught = 0;
      for (int i = 0; i < pairs; i++) {
        if (clusters.get(String.format("b%04d", i)).equals(String.format("a%04d", i))) {
          caught++;
        }
      }
      double rate = (double) caught / pairs;
      if (share <= 0.01) {
        assertThat(rate).as("caught at %.0f%% words changed", share * 100).isGreaterThanOrEqualTo(0.99);
      } else {
        assertThat(rate).as("caught at %.0f%% words changed", share * 100).isCloseTo(expected / pairs, org.assertj.core.data.Offset.offset(0.06));
      }
      assertThat(new HashSet<>(clusters.values())).as("no unrelated documents merged").hasSizeGreaterThanOrEqualTo(pairs);
    }
  }

  // Documents that share under half their shingles stay apart, even when LSH makes them candidates.
  @Test
  void documentsSharingUnderHalfStayApart() {
    SplittableRandom r = new SplittableRandom(5);
    Map<String, String> docs = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      String shared = randomText(r, 120);
      docs.put(String.format("a%04d", i), shared + " " + randomText(r, 120));
      docs.put(String.format("b%04d", i), shared + " " + randomText(r, 120));
    }
    Map<String, String> clusters = LocalNearDedup.clusters(docs, CONFIG, 0.5);
    assertThat(new HashSet<>(clusters.values())).hasSize(600);
  }

  @Test
  void unionFindComponents() {
    UnionFind<String> uf = new UnionFind<>();
    uf.union("c", "b");
    uf.union("d", "e");
    uf.union("b", "a");
    uf.add("z");
    assertThat(uf.components()).containsEntry("c", "a").containsEntry("b", "a").containsEntry("a", "a")
        .containsEntry("e", "d").containsEntry("z", "z");
  }
}

package io.mathsieve.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExactJaccardTest {
  final Shingler shingler = new Shingler(2, 1);

  @Test
  void knownAnswers() {
    // "a b c d" has bigrams {ab, bc, cd}; "a b c e" has {ab, bc, ce}: 2 shared of 4 distinct.
    long[] x = ExactJaccard.set(shingler, "a b c d");
    long[] y = ExactJaccard.set(shingler, "A, b; c e");
    assertThat(x).hasSize(3).isSorted();
    assertThat(ExactJaccard.of(x, y)).isEqualTo(0.5);
    assertThat(ExactJaccard.of(x, x)).isEqualTo(1.0);
    assertThat(ExactJaccard.of(x, ExactJaccard.set(shingler, "p q r"))).isZero();
    assertThat(ExactJaccard.of(new long[0], new long[0])).isZero();
  }

  @Test
  void theSketchersSetIsTheShinglersSet() {
    NearDupSketcher sketcher = new NearDupSketcher(MinHashConfig.DEEPSEEKMATH_DEFAULT);
    String text = "one two three four five six seven one two three four five six";
    assertThat(sketcher.sketch(text)).isTrue();
    long[] fromSketch = sketcher.shingleSet();
    assertThat(fromSketch).isEqualTo(ExactJaccard.set(new Shingler(5, MinHashConfig.DEEPSEEKMATH_DEFAULT.seed()), text)).hasSize(7);
    assertThat(sketcher.sketch("")).isFalse();
    assertThat(sketcher.shingleSet()).isEmpty();
  }

  @Test
  void repeatedShinglesCountOnce() {
    // "a b a b a b": bigrams ab, ba, ab, ba, ab -> the set {ab, ba}.
    assertThat(ExactJaccard.set(shingler, "a b a b a b")).hasSize(2);
    assertThat(ExactJaccard.of(ExactJaccard.set(shingler, "a b a b a b"), ExactJaccard.set(shingler, "a b a"))).isEqualTo(1.0);
  }

  @Test
  void agreesWithACountOverSets() {
    // 200 words, the second text with every 10th word replaced: compare with java.util sets.
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      a.append("w").append(i).append(' ');
      b.append(i % 10 == 0 ? "x" : "w").append(i).append(' ');
    }
    Shingler five = new Shingler(5, 7);
    java.util.Set<Long> sa = new java.util.HashSet<>();
    for (long h : five.shingles(a)) {
      sa.add(h);
    }
    java.util.Set<Long> sb = new java.util.HashSet<>();
    for (long h : five.shingles(b)) {
      sb.add(h);
    }
    java.util.Set<Long> inter = new java.util.HashSet<>(sa);
    inter.retainAll(sb);
    java.util.Set<Long> union = new java.util.HashSet<>(sa);
    union.addAll(sb);
    double expected = (double) inter.size() / union.size();
    assertThat(ExactJaccard.of(ExactJaccard.set(five, a), ExactJaccard.set(five, b))).isCloseTo(expected, within(1e-12));
    assertThat(expected).isBetween(0.2, 0.5);
  }
}

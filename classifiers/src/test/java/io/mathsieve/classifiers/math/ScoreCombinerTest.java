package io.mathsieve.classifiers.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoreCombinerTest {
  // Examples where formulas decide and fastText's score is noise: the combiner learns a large weight for
  // having formulas, a small one for the noise, and separates the classes that fastText alone cannot.
  @Test
  void learnsWhatTheHeldOutExamplesShow() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 200;
    double[] ft = new double[n];
    MathSignals[] s = new MathSignals[n];
    boolean[] math = new boolean[n];
    for (int i = 0; i < n; i++) {
      math[i] = i % 2 == 0;
      ft[i] = 0.3 + 0.4 * r.nextDouble();
      boolean formulas = math[i] ? i % 10 != 0 : i % 10 == 1; // 90% of math pages have formulas, 10% of the others
      s[i] = new MathSignals(formulas ? 1 + r.nextInt(40) : 0, formulas);
    }
    ScoreCombiner c = ScoreCombiner.fit(ft, s, math);
    double[] w = c.weights();
    assertThat(w[2]).as("has_formula").isGreaterThan(1.0);
    assertThat(Math.abs(w[1])).as("fastText noise").isLessThan(w[2] / 2);
    double[] combined = new double[n];
    for (int i = 0; i < n; i++) {
      combined[i] = c.score(ft[i], s[i]);
    }
    assertThat(Validation.of(combined, math).auc()).isGreaterThan(0.75); // at most 0.9 for a feature that 90% and 10% have
    assertThat(Validation.of(ft, math).auc()).isBetween(0.35, 0.65);
    assertThat(ScoreCombiner.fit(ft, s, math)).as("deterministic").isEqualTo(c);
  }

  // With nothing but fastText's score to go on, the combiner keeps its order.
  @Test
  void monotoneInTheFastTextScore() {
    double[] ft = {0.9, 0.8, 0.7, 0.4, 0.3, 0.2, 0.6, 0.35};
    boolean[] math = {true, true, true, false, false, false, true, false};
    MathSignals[] s = new MathSignals[ft.length];
    java.util.Arrays.fill(s, MathSignals.NONE);
    ScoreCombiner c = ScoreCombiner.fit(ft, s, math);
    assertThat(c.weights()[1]).isGreaterThan(0);
    assertThat(c.score(0.9, MathSignals.NONE)).isGreaterThan(c.score(0.5, MathSignals.NONE));
    assertThat(c.score(0.5, MathSignals.NONE)).isGreaterThan(c.score(0.1, MathSignals.NONE));
  }
}

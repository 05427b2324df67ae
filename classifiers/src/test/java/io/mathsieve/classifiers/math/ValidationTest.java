package io.mathsieve.classifiers.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ValidationTest {
  private static final boolean T = true;
  private static final boolean F = false;

  // ROC-AUC by hand: of the 3 x 3 (math, other) pairs, the math page ranks higher in 7, ties in 1 (0.5), lower in 1.
  @Test
  void auc() {
    double[] s = {0.9, 0.8, 0.4, 0.7, 0.4, 0.1};
    boolean[] m = {T, T, T, F, F, F};
    // 0.9 > all 3 (3); 0.8 > all 3 (3); 0.4 vs 0.7 loses, vs 0.4 ties, vs 0.1 wins (1.5): 7.5 / 9
    assertThat(Validation.of(s, m).auc()).isCloseTo(7.5 / 9, within(1e-12));
    assertThat(Validation.of(new double[] {0.9, 0.1}, new boolean[] {T, F}).auc()).isEqualTo(1.0);
    assertThat(Validation.of(new double[] {0.1, 0.9}, new boolean[] {T, F}).auc()).isEqualTo(0.0);
  }

  // The best-F1 cut, with the threshold midway to the next lower score, and precision and recall there.
  @Test
  void bestF1Threshold() {
    double[] s = {0.95, 0.9, 0.8, 0.6, 0.5, 0.3, 0.2};
    boolean[] m = {T, T, F, T, F, F, F};
    // Cuts: {0.95} F1 2/5=.5; {.95,.9} 4/5=.8; +0.8 (fp) 4/6; +0.6 6/7=.857; +0.5 6/8; ... best after 0.6.
    Validation v = Validation.of(s, m);
    assertThat(v.f1()).isCloseTo(6.0 / 7, within(1e-12));
    assertThat(v.threshold()).isCloseTo(0.55, within(1e-12));
    assertThat(v.precision()).isCloseTo(0.75, within(1e-12));
    assertThat(v.recall()).isEqualTo(1.0);
    assertThat(v.positives()).isEqualTo(3);
    assertThat(v.negatives()).isEqualTo(4);
    assertThat(v.math().max()).isEqualTo(0.95);
    assertThat(v.other().p50()).as("the 3rd of 4 sorted: floor(0.5 x 4)").isEqualTo(0.5);
  }

  // A model that scores every page about 0.5, or cannot rank, or has nothing to be checked on, is degenerate.
  @Test
  void degenerate() {
    boolean[] m = {T, T, T, F, F, F};
    assertThat(Validation.of(new double[] {0.5001, 0.5002, 0.4999, 0.5, 0.5003, 0.5001}, m).degenerate(0.75))
        .hasValueSatisfying(p -> assertThat(p).contains("about the same score"));
    assertThat(Validation.of(new double[] {0.9, 0.1, 0.6, 0.8, 0.2, 0.5}, m).degenerate(0.75))
        .hasValueSatisfying(p -> assertThat(p).contains("ROC-AUC 0.556"));
    assertThat(Validation.of(new double[] {0.9, 0.8}, new boolean[] {T, T}).degenerate(0.75))
        .hasValueSatisfying(p -> assertThat(p).contains("no other example to validate on"));
    assertThat(Validation.of(new double[] {0.9, 0.7, 0.6, 0.3, 0.2, 0.1}, m).degenerate(0.75)).isEmpty();
  }
}

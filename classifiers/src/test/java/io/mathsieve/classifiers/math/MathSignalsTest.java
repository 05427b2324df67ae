package io.mathsieve.classifiers.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.schemas.FormulaCounts;
import org.junit.jupiter.api.Test;

class MathSignalsTest {
  // Counts go into log2 buckets: 0 | 1 | 2-3 | 4-7 | ... | 64+.
  @Test
  void buckets() {
    int[] counts = {0, 1, 2, 3, 4, 7, 8, 63, 64, 10_000};
    int[] buckets = {0, 1, 2, 2, 3, 3, 4, 6, 7, 7};
    for (int i = 0; i < counts.length; i++) {
      assertThat(new MathSignals(counts[i], false).formulaBucket()).as("%d formulas", counts[i]).isEqualTo(buckets[i]);
    }
  }

  // From the extractor's counts: all kinds add up (MathML converted is part of MathML), and formulas imply markup.
  @Test
  void fromExtractorCounts() {
    FormulaCounts f = new FormulaCounts(1, 2, 0, 3, 3, 0, 1, 0, 4);
    assertThat(MathSignals.of(f, false)).isEqualTo(new MathSignals(11, true));
    assertThat(MathSignals.of(FormulaCounts.NONE, true)).isEqualTo(new MathSignals(0, true));
    assertThat(MathSignals.of(null, false)).isEqualTo(MathSignals.NONE);
    assertThat(MathSignals.ofText(2)).isEqualTo(new MathSignals(2, true));
  }

  // The classifier line: the tokens, WEIGHT times, then the normalised text; and back.
  @Test
  void lineAndParse() {
    MathTextNormalizer n = new MathTextNormalizer(1000);
    String line = n.line("Let $x^2$.", new MathSignals(5, true));
    assertThat(line).isEqualTo("__mf3 __mmarkup ".repeat(MathSignals.WEIGHT) + "let $ x ^ 0 $");
    assertThat(MathSignals.parse(line)).isEqualTo(new MathSignals(4, true)); // 5 is in the bucket of 4..7
    assertThat(MathSignals.parse(line).tokens()).isEqualTo(new MathSignals(5, true).tokens());
    assertThat(n.line("Hello", MathSignals.NONE)).isEqualTo("__mf0 ".repeat(MathSignals.WEIGHT) + "hello");
    assertThat(n.line("  ", new MathSignals(3, true))).as("no text, no line").isEmpty();
    assertThat(MathSignals.parse("hello world")).isEqualTo(MathSignals.NONE);
  }

  // Page text cannot forge a feature token: the normaliser splits underscores off.
  @Test
  void textCannotForgeTokens() {
    MathTextNormalizer n = new MathTextNormalizer(1000);
    String line = n.normalize("__mf7 __mmarkup");
    assertThat(line).doesNotContain("__mf").doesNotContain("__mmarkup");
    assertThat(MathSignals.parse(line)).isEqualTo(MathSignals.NONE);
  }
}

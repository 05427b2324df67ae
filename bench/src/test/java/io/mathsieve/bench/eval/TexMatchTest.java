package io.mathsieve.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexMatchTest {
  @Test
  void dropsWhitespaceBracesAndStyleCommands() {
    assertThat(TexMatch.normalise("{\\displaystyle \\frac{1}{ 2} }")).isEqualTo("\\frac12");
    assertThat(TexMatch.normalise("\\textstyle a\u00a0+ b")).isEqualTo("a+b");
  }

  @Test
  void aFormulaIsKeptWhenItsFormIsInTheText() {
    String text = TexMatch.normalise("so $\\frac 1 2 + x$ holds");
    assertThat(text).contains(TexMatch.normalise("\\frac{1}{2}"));
    assertThat(text).doesNotContain(TexMatch.normalise("\\frac{1}{3}"));
  }
}

package io.mathsieve.decontam.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecontamAnalyzerTest {
  // Each case: text, and the tokens index and scan both see.
  @Test
  void tokens() {
    assertThat(DecontamAnalyzer.tokens("Natalia sold clips to 48 of her friends.")).containsExactly("natalia", "sold", "clips", "to", "48", "of", "her", "friends");
    assertThat(DecontamAnalyzer.tokens("$\\frac{1}{2}$")).as("LaTeX commands and braces stay").containsExactly("\\frac", "{", "1", "}", "{", "2", "}");
    assertThat(DecontamAnalyzer.tokens("\\(x^2 + y_1\\)")).containsExactly("x", "^", "2", "+", "y", "_", "1");
    assertThat(DecontamAnalyzer.tokens("a\\,b \\; c")).as("spacing commands separate").containsExactly("a", "b", "c");
    assertThat(DecontamAnalyzer.tokens("求函数的导数")).as("CJK by characters").containsExactly("求", "函", "数", "的", "导", "数");
    assertThat(DecontamAnalyzer.tokens("ＡＢ１２ x²")).as("NFKC").containsExactly("ab12", "x2");
    assertThat(DecontamAnalyzer.tokens("It costs $5.50, right?")).containsExactly("it", "costs", "5", "50", "right");
  }

  // Re-wrapped text (line breaks every few words, as after <br>) gives the same tokens.
  @Test
  void rewrappingDoesNotMatter() {
    assertThat(DecontamAnalyzer.tokens("Janet's ducks lay\n16 eggs per\nday.")).isEqualTo(DecontamAnalyzer.tokens("Janet’s ducks lay 16 eggs per day"));
  }
}

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

  // The marks lists and tables leave in extracted text are layout: a question quoted in a list or a
  // table gives the tokens of the question alone. Minus signs and absolute values stay.
  @Test
  void listAndTableMarksAreSeparators() {
    assertThat(DecontamAnalyzer.tokens("- Ducks lay eggs.\n- Janet eats three.")).containsExactly("ducks", "lay", "eggs", "janet", "eats", "three");
    assertThat(DecontamAnalyzer.tokens("1. Ducks lay eggs.\n2) Janet eats three.")).containsExactly("ducks", "lay", "eggs", "janet", "eats", "three");
    assertThat(DecontamAnalyzer.tokens("Problem | Ducks lay | eggs")).containsExactly("problem", "ducks", "lay", "eggs");
    assertThat(DecontamAnalyzer.tokens("x - 1 = |y|")).as("a minus inside a line, and |y|").containsExactly("x", "-", "1", "=", "|", "y", "|");
    assertThat(DecontamAnalyzer.tokens("-3 is negative")).as("a sign before a digit is no bullet").containsExactly("-", "3", "is", "negative");
    assertThat(DecontamAnalyzer.tokens("In 1.5 hours")).containsExactly("in", "1", "5", "hours");
  }

  // What sets it apart from the other normalisers: TeX delimiters go (the shingler drops them too),
  // structure symbols stay (the shingler drops them) and digits stay (the classifier folds them).
  @Test
  void keepsDigitsAndStructureDropsDelimiters() {
    assertThat(DecontamAnalyzer.tokens("solve $x^2 + 1$")).isEqualTo(DecontamAnalyzer.tokens("solve x^2 + 1"));
    assertThat(DecontamAnalyzer.tokens("solve \\(x^2 + 1\\)")).isEqualTo(DecontamAnalyzer.tokens("solve x^2 + 1"));
    assertThat(DecontamAnalyzer.tokens("solve x^2 + 1")).isNotEqualTo(DecontamAnalyzer.tokens("solve x_2 + 1"));
    assertThat(DecontamAnalyzer.tokens("48 apples")).isNotEqualTo(DecontamAnalyzer.tokens("49 apples"));
  }
}

package io.mathsieve.extract.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexDelimitersTest {

  // Each case: text, and how many formulas it delimits.
  @Test
  void counts() {
    assertThat(TexDelimiters.count("Let $x$ be real.")).isEqualTo(1);
    assertThat(TexDelimiters.count("$$\\int f$$ and \\[a\\] and \\(b\\)")).isEqualTo(3);
    assertThat(TexDelimiters.count("It costs $5 or $10.")).as("prices").isZero();
    assertThat(TexDelimiters.count("between $ 1 and 2 $")).as("space after the opener").isZero();
    assertThat(TexDelimiters.count("escaped \\$5 and \\$6")).isZero();
    assertThat(TexDelimiters.count("$a$$b$")).as("two adjacent inline formulas").isEqualTo(2);
    assertThat(TexDelimiters.count("$x\n\ny$")).as("inline math does not cross paragraphs").isZero();
    assertThat(TexDelimiters.count("unclosed \\( a")).isZero();
  }

  // A page of stray dollars ("$a $a ..."): every opener is followed by a letter but every would-be
  // closer follows a space, so none pair, however long the page. (The scan's look-ahead is bounded,
  // MAX_FORMULA_CHARS, which keeps it linear; that is a cost, measured in the bench, not here.)
  @Test
  void strayDollarsNeverPair() {
    assertThat(TexDelimiters.count("$a ".repeat(200_000))).isZero();
    assertThat(TexDelimiters.count("$a ".repeat(10) + "so $x$ holds")).as("a real formula after them").isEqualTo(1);
  }

  @Test
  void bbcode() {
    TexDelimiters.Bbcode b = TexDelimiters.nextBbcode("see [TeX]x^2[/tex] now", 0);
    assertThat(b.tex()).isEqualTo("x^2");
    assertThat("see [TeX]x^2[/tex] now".substring(b.start(), b.end())).isEqualTo("[TeX]x^2[/tex]");
    assertThat(TexDelimiters.nextBbcode("[tex] unclosed", 0)).isNull();
    assertThat(TexDelimiters.nextBbcode("[b]bold[/b]", 0)).isNull();
  }
}

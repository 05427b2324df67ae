package io.mathsieve.classifiers.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MathTextNormalizerTest {
  private final MathTextNormalizer n = new MathTextNormalizer(10_000);

  // Known answers: input, and the exact line fastText sees, in training and in scoring alike.
  @Test
  void knownAnswers() {
    assertThat(n.normalize("Let $x^2 = 16$.\nThen x = 4.")).isEqualTo("let $ x ^ 0 = 0 $ then x = 0");
    assertThat(n.normalize("\\frac{a}{b} + \\sqrt{2}")).isEqualTo("\\frac { a } { b } + \\sqrt { 0 }");
    assertThat(n.normalize("Price: $19.99, 3x faster!")).isEqualTo("price $ 0 0 0 x faster");
    assertThat(n.normalize("ＡＢＣ１２３ ｘ²")).as("NFKC").isEqualTo("abc 0 x 0");
    assertThat(n.normalize("  Hello,\t\tWORLD  \n\n ")).isEqualTo("hello world");
    assertThat(n.normalize("勾股定理：a²+b²=c²")).as("CJK by character").isEqualTo("勾 股 定 理 a 0 + b 0 = c 0");
    assertThat(n.normalize("")).isEmpty();
  }

  // Digits fold to a single 0 per run; numbers glued to letters are split.
  @Test
  void digits() {
    assertThat(n.normalize("12345 abc123def 7")).isEqualTo("0 abc 0 def 0");
  }

  // The cap reads only the first chars, never splitting a surrogate pair.
  @Test
  void cap() {
    assertThat(new MathTextNormalizer(5).normalize("abcdefgh")).isEqualTo("abcde");
    assertThat(new MathTextNormalizer(3).normalize("ab\uD835\uDC65cd")).isEqualTo("ab");
  }

  // Deterministic and idempotent: normalising twice changes nothing.
  @Test
  void idempotent() {
    String once = n.normalize("Solve $\\int_0^1 x\\,dx$ and 2^{10}.");
    assertThat(n.normalize(once)).isEqualTo(once);
  }

  // What sets it apart from the other normalisers: digits fold (dedup and decontamination keep them),
  // and a TeX delimiter is a word (they drop it).
  @Test
  void foldsDigitsAndKeepsDelimiters() {
    assertThat(n.normalize("x = 48 apples")).isEqualTo(n.normalize("x = 49 apples"));
    assertThat(n.normalize("let $x$ be")).isEqualTo("let $ x $ be");
    assertThat(n.normalize("let $x$ be")).isNotEqualTo(n.normalize("let x be"));
  }
}

package io.mathsieve.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers worked out by hand from evaluate.py's rules. */
class ShingleMatchTest {
  @Test
  void missingTailCostsRecallOnly() {
    // truth shingles {a b c d, b c d e}; predicted {a b c d}: tp 1, fp 0, fn 1, normalised by 2
    ShingleMatch.Counts c = ShingleMatch.match("a b c d e", "a b c d");
    assertThat(c.tp()).isEqualTo(0.5);
    assertThat(c.fp()).isZero();
    assertThat(c.fn()).isEqualTo(0.5);
    assertThat(c.precision()).isEqualTo(1.0);
    assertThat(c.recall()).isEqualTo(0.5);
  }

  @Test
  void extraTextCostsPrecisionWithMultiplicity() {
    // truth {w x y z}; predicted {w x y z, x y z w, y z w x, z w x y, w x y z}: the repeat counts again
    ShingleMatch.Counts c = ShingleMatch.match("w x y z", "w x y z w x y z");
    assertThat(c.tp()).isEqualTo(1 / 5.0);
    assertThat(c.fp()).isEqualTo(4 / 5.0);
    assertThat(c.precision()).isEqualTo(0.2);
    assertThat(c.recall()).isEqualTo(1.0);
  }

  @Test
  void tokensAreLettersDigitsAndUnderscoreAsPythonsWord() {
    // punctuation splits; the combining acute accent (U+0301) is not a word char in Python, so it splits too
    assertThat(ShingleMatch.tokens("l'été, à 5_6 e\u0301t")).containsExactly("l", "été", "à", "5_6", "e", "t");
  }

  @Test
  void shortTextIsOneShorterShingle() {
    // fewer than 4 tokens: one shingle of all of them, so "a b" matches "a b" but not "a b c"
    assertThat(ShingleMatch.match("a b", "a b").recall()).isEqualTo(1.0);
    assertThat(ShingleMatch.match("a b", "a b c").tp()).isZero();
  }

  @Test
  void meanSkipsUndefinedPagesAndTakesF1OfTheMeans() {
    // page 1: precision 1, recall 0.5; page 2 predicted nothing: no precision term, recall 0
    ShingleMatch.Scores s = ShingleMatch.mean(List.of(ShingleMatch.match("a b c d e", "a b c d"), ShingleMatch.match("a b c d", "")));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(0.25);
    assertThat(s.f1()).isCloseTo(2 * 0.25 / 1.25, within(1e-12));
  }
}

package io.mathsieve.extract.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StemsTest {
  private final Stems stems = new Stems("comment", "-ad-", "sidebar", "share");

  // Substring semantics, as Readability's regular expressions: a stem anywhere in the value.
  @Test
  void findsStemsAnywhereIgnoringCase() {
    assertThat(stems.foundIn("post-comments-area")).isTrue();
    assertThat(stems.foundIn("top-ad-slot")).isTrue();
    assertThat(stems.foundIn("Left SideBar")).isTrue();
    assertThat(stems.foundIn("sharedaddy")).isTrue();
    assertThat(stems.foundIn("entry-content")).isFalse();
    assertThat(stems.foundIn("shadow")).isFalse();
    assertThat(stems.foundIn("")).isFalse();
    assertThat(stems.foundIn("comm")).as("a stem longer than what is left").isFalse();
  }

  // The scan skips positions whose first two chars begin no stem: it must still find every stem
  // String.contains finds, wherever it sits (first, last, overlapping a near miss, next to non-ASCII).
  @Test
  void findsWhatContainsFindsOnRandomValues() {
    String[] list = {"comment", "-ad-", "sidebar", "share", "co-op", "ss"};
    Stems many = new Stems(list);
    String[] pieces = {"com", "comment", "co", "-ad", "-ad-", "ad-", "side", "bar", "sidebar", "sh", "sha", "share", "s", "-", "_", " ",
        "Co", "SIDE", "\u00e9", "\u0130", "\u4e2d", "x", "content", "co-", "op"};
    java.util.Random random = new java.util.Random(7);
    int found = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(6); k >= 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = b.toString();
      String lower = value.toLowerCase(java.util.Locale.ROOT);
      boolean expected = java.util.Arrays.stream(list).anyMatch(lower::contains);
      assertThat(many.foundIn(value)).as(value).isEqualTo(expected);
      found += expected ? 1 : 0;
    }
    assertThat(found).as("both outcomes are exercised").isBetween(5_000, 45_000);
  }

  @Test
  void stemsMustBeLowerCaseAsciiOfTwoCharsOrMore() {
    assertThatThrownBy(() -> new Stems("Comment")).hasMessage("stems must be lower-case ASCII of at least 2 chars: Comment");
    assertThatThrownBy(() -> new Stems("a")).hasMessage("stems must be lower-case ASCII of at least 2 chars: a");
  }
}

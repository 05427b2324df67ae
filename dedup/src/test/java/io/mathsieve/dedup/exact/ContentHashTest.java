package io.mathsieve.dedup.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTest {
  // Re-wrapped copies of one text have one key; a one-character change does not.
  @Test
  void whitespaceFolded() {
    ContentHash h = ContentHash.of("Let $x > 0$.\nThen $x^2 > 0$.");
    assertThat(ContentHash.of("  Let $x > 0$.   Then\t$x^2 > 0$.\n")).isEqualTo(h);
    assertThat(ContentHash.of("Let $x > 0$. Then $x^2 >= 0$.")).isNotEqualTo(h);
    assertThat(ContentHash.of("Let $x>0$. Then $x^2 > 0$.")).as("whitespace inside words matters").isNotEqualTo(h);
  }

  // Pinned: a change of seed or of the normalisation would change every key ever written.
  @Test
  void pinned() {
    assertThat(ContentHash.of("a b").toString()).isEqualTo(ContentHash.of(" a\n b ").toString()).hasSize(32);
    long[] expected = new long[2];
    io.mathsieve.hash.Murmur3.hash128("a b", ContentHash.SEED, expected);
    assertThat(ContentHash.of("a  b")).isEqualTo(new ContentHash(expected[0], expected[1]));
  }
}

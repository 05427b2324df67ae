package io.mathsieve.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FNV-1a 64 against the published test vectors (ASCII chars are their bytes). */
class Fnv1aTest {
  @Test
  void publishedVectors() {
    assertThat(Fnv1a.of(new char[0], 0)).isEqualTo(0xcbf29ce484222325L);
    assertThat(Fnv1a.of("a".toCharArray(), 1)).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(Fnv1a.of("foobar".toCharArray(), 6)).isEqualTo(0x85944171f73967e8L);
    assertThat(Fnv1a.of("foobarbaz".toCharArray(), 6)).as("only the first length chars").isEqualTo(0x85944171f73967e8L);
  }
}

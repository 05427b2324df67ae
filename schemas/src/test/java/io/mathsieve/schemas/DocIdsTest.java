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

  // Pinned values, written down when the scheme was fixed: changing the seed, the hash or the
  // input layout would silently change every id ever written, and fails here.
  @Test
  void pinned() {
    assertThat(DocIds.of("https://example.org/a", "<urn:uuid:1>")).isEqualTo("6027c1674ec5d4ac5f9794c42a45d12d");
    assertThat(DocIds.of("", "")).isEqualTo("d8ed0554fbec4461cd38975e94256648");
  }
}

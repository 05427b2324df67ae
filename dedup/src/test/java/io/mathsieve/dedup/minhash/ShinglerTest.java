package io.mathsieve.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglerTest {
  private final Shingler s2 = new Shingler(2, 1);

  // Known-answer vectors: pinned so that shingles (and every signature built on them) never change silently.
  @Test
  void knownAnswers() {
    assertThat(s2.shingles("the quick brown fox")).containsExactly(
        KNOWN[0], KNOWN[1], KNOWN[2]);
    assertThat(new Shingler(5, 1).shingles("one two")).as("fewer words than n: one shingle").hasSize(1);
  }

  static final long[] KNOWN = {730781127710488488L, -2112126237553426580L, -7412664241179715148L};

  // The pinned vectors follow from the documented definition, recomputed here the slow, obvious way.
  @Test
  void followsTheDocumentedDefinition() {
    String[] words = "the quick brown fox".split(" ");
    long[] w = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      long h = 0xcbf29ce484222325L;
      for (char c : words[i].toCharArray()) {
        h = (h ^ c) * 0x100000001b3L;
      }
      w[i] = io.mathsieve.hash.Murmur3.fmix64(h ^ 1);
    }
    for (int i = 0; i + 1 < w.length; i++) {
      long h = 1;
      h = (h + w[i]) * 0x9E3779B97F4A7C15L;
      h = (h + w[i + 1]) * 0x9E3779B97F4A7C15L;
      assertThat(io.mathsieve.hash.Murmur3.fmix64(h)).isEqualTo(KNOWN[i]);
    }
  }

  // Case, punctuation and whitespace do not change shingles; word order and words do.
  @Test
  void normalisation() {
    assertThat(s2.shingles("The, QUICK\n brown -- fox!")).containsExactly(s2.shingles("the quick brown fox"));
    assertThat(s2.shingles("quick the brown fox")).isNotEqualTo(s2.shingles("the quick brown fox"));
    assertThat(s2.shingles("\\frac{a}{b}")).containsExactly(s2.shingles("frac a b"));
  }

  // A CJK character is a word of its own: Chinese shingles by characters.
  @Test
  void cjkByCharacters() {
    assertThat(s2.shingles("勾股定理")).hasSize(3).containsExactly(s2.shingles("勾 股 定 理"));
    assertThat(s2.shingles("x勾y")).hasSize(2);
  }

  @Test
  void empty() {
    assertThat(s2.shingles("")).isEmpty();
    assertThat(s2.shingles(" ,;!  ")).isEmpty();
  }

  // Different seeds give unrelated hashes.
  @Test
  void seeded() {
    assertThat(new Shingler(2, 2).shingles("the quick brown fox")).doesNotContain(s2.shingles("the quick brown fox"));
  }

  // What sets it apart from the other normalisers: TeX delimiters and symbols do not count (unlike
  // decontamination's tokens), digits do (unlike the classifier's normaliser).
  @Test
  void texMarkupDoesNotCountDigitsDo() {
    assertThat(s2.shingles("let \\(x^2\\) be odd")).containsExactly(s2.shingles("let $x^2$ be odd"));
    assertThat(s2.shingles("solve x^2 + 1")).containsExactly(s2.shingles("solve x_2 + 1"));
    assertThat(s2.shingles("x = 48 apples")).doesNotContain(s2.shingles("x = 49 apples"));
  }
}

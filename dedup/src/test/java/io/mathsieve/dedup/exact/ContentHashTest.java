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

  // Pinned values, written down when the scheme was fixed: a change of seed, hash or normalisation
  // would change every key ever written (and every exact-dedup history), and fails here.
  @Test
  void pinned() {
    assertThat(ContentHash.of("a b").toString()).isEqualTo("c6f9074698bab973c113c673d07fdbc7");
    assertThat(ContentHash.of(" a\n b ").toString()).isEqualTo("c6f9074698bab973c113c673d07fdbc7");
    assertThat(ContentHash.of("Let $x > 0$.\nThen $x^2 > 0$.").toString()).isEqualTo("6d1d617a27f226b22e21f8206736eeb9");
  }

  // The key is the hash of the folded text's UTF-8 as the JDK encodes it (String.getBytes: an unpaired
  // surrogate becomes '?'), on random texts of ASCII, Latin, CJK, astral chars, lone surrogates and
  // every kind of whitespace.
  @Test
  void hashesTheJdksUtf8OfTheFoldedText() {
    char[] alphabet = {'a', 'Z', '7', '$', '\\', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\u00e9', '\u07ff', '\u0800', '\u4e2d',
        '\uffff', '\ud835', '\udc00', '\udbff', '\udfff'};
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = b.toString();
      String folded = text.replaceAll("[\\s\\u00a0\\u2003\\u3000]+", " ").strip();
      byte[] utf8 = folded.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      long[] h = new long[2];
      io.mathsieve.hash.Murmur3.hash128(utf8, 0, utf8.length, ContentHash.SEED, h);
      assertThat(ContentHash.of(text)).as(text.chars().mapToObj(Integer::toHexString).toList().toString()).isEqualTo(new ContentHash(h[0], h[1]));
    }
  }

  // What sets it apart from the other normalisers: only whitespace folds; case, punctuation and digits count.
  @Test
  void foldsOnlyWhitespace() {
    assertThat(ContentHash.of("Let x be")).isNotEqualTo(ContentHash.of("let x be"));
    assertThat(ContentHash.of("x, y")).isNotEqualTo(ContentHash.of("x y"));
    assertThat(ContentHash.of("x = 48")).isNotEqualTo(ContentHash.of("x = 49"));
    assertThat(ContentHash.of("$x$")).isNotEqualTo(ContentHash.of("x"));
  }
}

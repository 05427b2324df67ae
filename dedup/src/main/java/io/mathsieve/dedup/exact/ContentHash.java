package io.mathsieve.dedup.exact;

import io.mathsieve.hash.Hex;
import io.mathsieve.hash.Murmur3;

/**
 * The exact-dedup key of a text: a seeded 128-bit hash of the text with whitespace runs folded to
 * one space and the ends trimmed, so re-wrapped copies of one page match. 128 bits, because 64-bit
 * keys over billions of pages would collide.
 *
 * <p>Why it folds only whitespace, unlike the other normalisers ({@code Shingler}, {@code
 * MathTextNormalizer}, {@code MathTextTokenizer}): exact dedup keeps one of a set of pages as they
 * are, so pages that differ in case, punctuation or digits are not copies; finding pages that
 * differ a little is near-dedup's work, which measures how much.
 *
 * <pre>{@code
 * ContentHash.of("a  b\n c").equals(ContentHash.of("a b c"))
 * }</pre>
 */
public record ContentHash(long hi, long lo) implements java.io.Serializable {
  /** Seed of content hashes; changing it changes every key. */
  public static final long SEED = 0x636f6e74656e7431L; // "content1"

  /**
   * The key of {@code text}: the hash of its UTF-8 bytes (an unpaired surrogate as {@code ?}, as
   * {@link String#getBytes} writes it) once whitespace is folded. Folded and encoded in one pass
   * into one array: folding into a string and encoding it copied every page's text three times
   * (JFR: 5% of the extract job's CPU).
   */
  public static ContentHash of(CharSequence text) {
    int n = text.length();
    byte[] utf8 = new byte[n * 3]; // at most 3 bytes per char; a pair of 2 chars takes 4
    int len = 0;
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = len > 0;
        continue;
      }
      if (space) {
        utf8[len++] = ' ';
        space = false;
      }
      if (c < 0x80) {
        utf8[len++] = (byte) c;
      } else if (c < 0x800) {
        utf8[len++] = (byte) (0xc0 | c >> 6);
        utf8[len++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        utf8[len++] = (byte) (0xf0 | cp >> 18);
        utf8[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
        utf8[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
        utf8[len++] = (byte) (0x80 | cp & 0x3f);
      } else if (Character.isSurrogate(c)) {
        utf8[len++] = '?';
      } else {
        utf8[len++] = (byte) (0xe0 | c >> 12);
        utf8[len++] = (byte) (0x80 | c >> 6 & 0x3f);
        utf8[len++] = (byte) (0x80 | c & 0x3f);
      }
    }
    long[] h = new long[2];
    Murmur3.hash128(utf8, 0, len, SEED, h);
    return new ContentHash(h[0], h[1]);
  }

  @Override
  public String toString() {
    return Hex.of(hi, lo);
  }
}

package io.mathsieve.dedup.exact;

import io.mathsieve.hash.Hex;
import io.mathsieve.hash.Murmur3;
import java.nio.charset.StandardCharsets;

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

  public static ContentHash of(CharSequence text) {
    StringBuilder folded = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = folded.length() > 0;
      } else {
        if (space) {
          folded.append(' ');
          space = false;
        }
        folded.append(c);
      }
    }
    byte[] bytes = folded.toString().getBytes(StandardCharsets.UTF_8);
    long[] h = new long[2];
    Murmur3.hash128(bytes, 0, bytes.length, SEED, h);
    return new ContentHash(h[0], h[1]);
  }

  @Override
  public String toString() {
    return Hex.of(hi, lo);
  }
}

package io.mathsieve.hash;

/**
 * 64-bit FNV-1a over chars (each char's 16 bits XORed in whole, not its UTF-8 bytes): the word
 * hash of near-dedup shingles and decontamination n-grams, fed one char at a time as words are
 * scanned, without building a string. Callers finish it with {@link Murmur3#fmix64} and their
 * seed, since FNV's low bits mix poorly.
 */
public final class Fnv1a {
  public static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Fnv1a() {}

  /** {@code h} with char {@code c} added. Start from {@link #OFFSET}. */
  public static long add(long h, char c) {
    return (h ^ c) * PRIME;
  }

  /** The hash of {@code chars[0, length)}. */
  public static long of(char[] chars, int length) {
    long h = OFFSET;
    for (int i = 0; i < length; i++) {
      h = add(h, chars[i]);
    }
    return h;
  }
}

package io.mathsieve.dedup.minhash;

import io.mathsieve.text.Cjk;
import io.mathsieve.hash.Fnv1a;
import io.mathsieve.hash.Murmur3;
import java.util.Arrays;

/**
 * Word n-gram shingles of a text, as 64-bit hashes, computed without allocating per word or per
 * shingle (one reusable buffer; not thread-safe: one per thread).
 *
 * <p>Normalisation: words are maximal runs of letters and digits, lower-cased; everything else
 * (punctuation, LaTeX backslashes and braces, whitespace) separates words; each Chinese, Japanese
 * or Korean character is a word of its own, so CJK text shingles by characters.
 *
 * <p>Why it differs from the other normalisers: near-dedup looks for the same page rendered
 * another way, so TeX delimiters and symbols, which one copy writes as {@code \(x^2\)} and another
 * as {@code $x^2$}, do not count; digits do, unlike in {@code MathTextNormalizer},
 * because two exercise pages that differ only in their numbers are different exercises. Case
 * counts neither, unlike in {@code ContentHash}.
 *
 * <p>Hashing, fixed and seeded so signatures are comparable across runs: a word's hash is
 * {@code fmix64(fnv1a64(lowercase chars) ^ seed)}; a shingle's hash folds its n word hashes in
 * order, {@code h = (h + w) * 0x9E3779B97F4A7C15}, then {@code fmix64(h)}. A text of fewer than n
 * words (but at least one) has one shingle of all its words; a text without words has none.
 */
public final class Shingler {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final int n;
  private final long seed;
  private long[] words = new long[512];
  private long[] shingles = new long[512];

  public Shingler(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1, got " + n);
    }
    this.n = n;
    this.seed = seed;
  }

  /** Shingles {@code text} into the internal buffer ({@link #hashes()}); returns their number. */
  public int shingle(CharSequence text) {
    int count = words(text);
    if (count == 0) {
      return 0;
    }
    int out = Math.max(1, count - n + 1);
    if (shingles.length < out) {
      shingles = new long[Math.max(out, shingles.length * 2)];
    }
    int width = Math.min(n, count);
    for (int i = 0; i < out; i++) {
      long h = seed;
      for (int k = 0; k < width; k++) {
        h = (h + words[i + k]) * GOLDEN;
      }
      shingles[i] = Murmur3.fmix64(h);
    }
    return out;
  }

  /** The buffer holding the shingles of the last {@link #shingle} call (only its first n entries are valid). */
  public long[] hashes() {
    return shingles;
  }

  /** The shingles of {@code text} as a new array, for tests and small jobs. */
  public long[] shingles(CharSequence text) {
    return Arrays.copyOf(shingles, shingle(text));
  }

  private int words(CharSequence text) {
    int count = 0;
    long h = Fnv1a.OFFSET;
    boolean inWord = false;
    for (int i = 0, len = text.length(); i < len; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (Cjk.isCjk(c)) {
          if (inWord) {
            count = add(count, h);
            inWord = false;
          }
          count = add(count, Fnv1a.add(Fnv1a.OFFSET, c));
          h = Fnv1a.OFFSET;
          continue;
        }
        h = Fnv1a.add(h, Character.toLowerCase(c));
        inWord = true;
      } else if (inWord) {
        count = add(count, h);
        h = Fnv1a.OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      count = add(count, h);
    }
    return count;
  }

  private int add(int count, long fnv) {
    if (count == words.length) {
      words = Arrays.copyOf(words, words.length * 2);
    }
    words[count] = Murmur3.fmix64(fnv ^ seed);
    return count + 1;
  }
}

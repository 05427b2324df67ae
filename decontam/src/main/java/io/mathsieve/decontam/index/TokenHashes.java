package io.mathsieve.decontam.index;

import io.mathsieve.decontam.analysis.DecontamAnalyzer;
import io.mathsieve.hash.Fnv1a;
import io.mathsieve.hash.Murmur3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A text's tokens ({@link DecontamAnalyzer}) as seeded 64-bit hashes in a reused buffer, hashed
 * straight from the analyzer's term buffer (no token strings), and the rolling n-gram hash over
 * them: {@code H(t_1..t_n) = sum h(t_i) * B^(n-i)} (mod 2^64, odd B), updated in O(1) per token.
 * One per thread.
 */
final class TokenHashes {
  static final long BASE = 0x9E3779B97F4A7C15L;
  private static final long SEED = 0x6465636f6e74616dL; // "decontam"

  private final DecontamAnalyzer analyzer = new DecontamAnalyzer();
  private long[] hashes = new long[1024];
  private boolean[] words = new boolean[1024];
  private int count;

  /** Tokenises {@code text}; returns the number of tokens, whose hashes are in {@link #hashes()}. */
  int tokenize(String text) {
    count = 0;
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, hashes.length * 2);
          words = Arrays.copyOf(words, words.length * 2);
        }
        words[count] = hasLetter(term.buffer(), term.length());
        hashes[count++] = hash(term.buffer(), term.length());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  long[] hashes() {
    return hashes;
  }

  /** Per token: whether it is a word (has a letter, in any script; LaTeX commands included), not digits or symbols. */
  boolean[] words() {
    return words;
  }

  private static boolean hasLetter(char[] chars, int length) {
    for (int i = 0; i < length; i++) {
      if (Character.isLetter(chars[i])) {
        return true;
      }
    }
    return false;
  }

  static long hash(char[] chars, int length) {
    return Murmur3.fmix64(Fnv1a.of(chars, length) ^ SEED);
  }

  /** {@code BASE^n}. */
  static long power(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= BASE;
    }
    return p;
  }

  /** The hash of {@code hashes[from..from+n)}. */
  static long window(long[] hashes, int from, int n) {
    long h = 0;
    for (int i = 0; i < n; i++) {
      h = h * BASE + hashes[from + i];
    }
    return h;
  }
}

package io.mathsieve.classifiers.math;

import io.mathsieve.text.Cjk;
import java.text.Normalizer;

/**
 * The one normalisation of text for the math classifier, applied byte for byte the same way to
 * training examples and to pages being scored.
 *
 * <ol>
 *   <li>at most {@code maxChars} chars of the input are read (the classifier input cap);
 *   <li>Unicode NFKC, then lower case;
 *   <li>LaTeX kept as tokens: a command with its backslash ({@code \frac}), and each of
 *       {@code $ { } ^ _ = + - * / < > ( ) [ ] | & \} as a token of its own, so that math
 *       notation is visible to fastText's word n-grams;
 *   <li>each Chinese, Japanese or Korean character is a word of its own (fastText splits on spaces);
 *   <li>every run of digits becomes {@code 0}: numbers say little about whether a page is math, and
 *       folding them keeps the vocabulary small;
 *   <li>other punctuation becomes a space, and whitespace (line breaks included) folds to single
 *       spaces: fastText reads one line per example.
 * </ol>
 *
 * <p>Why it differs from the other normalisers: it is the only one that folds digits (which page
 * is math does not depend on its numbers, while dedup and decontamination must tell {@code 48}
 * from {@code 49}), and it keeps {@code $} as a word, which near-dedup and decontamination drop:
 * for the classifier a TeX delimiter is evidence of math, for them it is formatting.
 *
 * <pre>{@code
 * new MathTextNormalizer(100).normalize("Let $x^2 = 16$.\nThen x = 4.")  // "let $ x ^ 0 = 0 $ then x = 0"
 * }</pre>
 */
public final class MathTextNormalizer {
  private static final String SYMBOLS = "${}^_=+-*/<>()[]|&";

  private final int maxChars;

  public MathTextNormalizer(int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
    }
    this.maxChars = maxChars;
  }

  public int maxChars() {
    return maxChars;
  }

  /**
   * The classifier's input for a page, the same in training and in scoring: the feature tokens of
   * its math signals, then its normalised text. Empty when the text normalises to nothing.
   */
  public String line(CharSequence text, MathSignals signals) {
    String t = normalize(text);
    return t.isEmpty() ? t : signals.tokens() + " " + t;
  }

  /** The classifier's input in training and scoring alike: {@link #line} for a model with signals, {@link #normalize} for one without. */
  public static String input(MathTextNormalizer n, CharSequence text, MathSignals s, boolean signals) {
    return signals ? n.line(text, s) : n.normalize(text);
  }

  public String normalize(CharSequence text) {
    String head = text.length() > maxChars ? text.subSequence(0, cut(text, maxChars)).toString() : text.toString();
    if (!Normalizer.isNormalized(head, Normalizer.Form.NFKC)) {
      head = Normalizer.normalize(head, Normalizer.Form.NFKC);
    }
    StringBuilder out = new StringBuilder(head.length() + head.length() / 4);
    int n = head.length();
    int i = 0;
    while (i < n) {
      char c = head.charAt(i);
      if (c == '\\' && i + 1 < n && isAsciiLetter(head.charAt(i + 1))) {
        space(out);
        out.append('\\');
        i++;
        while (i < n && isAsciiLetter(head.charAt(i))) {
          out.append(Character.toLowerCase(head.charAt(i)));
          i++;
        }
        out.append(' ');
        continue;
      }
      if (Character.isDigit(c)) {
        if (out.length() == 0 || out.charAt(out.length() - 1) != '0' || !endsWithToken(out, "0")) {
          if (out.length() > 0 && Character.isLetter(out.charAt(out.length() - 1))) {
            out.append(' ');
          }
          out.append('0');
        }
        while (i < n && Character.isDigit(head.charAt(i))) {
          i++;
        }
        continue;
      }
      if (Cjk.isCjk(c)) {
        space(out);
        out.append(c).append(' ');
        i++;
        continue;
      }
      if (Character.isLetter(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) == '0' && endsWithToken(out, "0")) {
          out.append(' ');
        }
        out.append(Character.toLowerCase(c));
        i++;
        continue;
      }
      if (SYMBOLS.indexOf(c) >= 0 || c == '\\') {
        space(out);
        out.append(c).append(' ');
        i++;
        continue;
      }
      space(out); // whitespace and other punctuation
      i++;
    }
    int len = out.length();
    while (len > 0 && out.charAt(len - 1) == ' ') {
      len--;
    }
    out.setLength(len);
    return out.toString();
  }

  /** Appends a single separating space unless the output is empty or already ends with one. */
  private static void space(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }

  private static boolean endsWithToken(StringBuilder out, String token) {
    int start = out.length() - token.length();
    return start >= 0 && out.substring(start).equals(token) && (start == 0 || out.charAt(start - 1) == ' ');
  }

  /** Cut before {@code max}, never between the halves of a surrogate pair. */
  private static int cut(CharSequence s, int max) {
    return Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

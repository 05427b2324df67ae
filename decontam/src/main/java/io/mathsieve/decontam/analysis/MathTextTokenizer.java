package io.mathsieve.decontam.analysis;

import io.mathsieve.text.Cjk;
import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits text into the tokens decontamination compares, the same way for benchmark items and for
 * web pages, so that re-wrapped and re-formatted copies still match:
 *
 * <ul>
 *   <li>a run of letters and digits is a token ({@code Natalia}, {@code 48}; {@code 3.5} is
 *       {@code 3}, {@code 5});
 *   <li>each Chinese, Japanese or Korean character is a token, so CJK text is matched by characters;
 *   <li>a LaTeX command is a token with its backslash ({@code \frac}, {@code \sqrt});
 *   <li>the math symbols that carry structure are tokens of their own: {@code { } ^ _ = + - * / < > ( ) [ ] |};
 *   <li>everything else is a separator: whitespace, line breaks, punctuation ({@code . , ; : ? ! " '}),
 *       dollar signs and the TeX delimiters {@code \( \) \[ \]}, spacing commands ({@code \, \;});
 *   <li>so are the marks that lists and tables leave in extracted text: a bullet ({@code - }, {@code * },
 *       {@code • }) or a number ({@code 1. }, {@code 2) }) opening a line, and a table cell separator
 *       {@code " | "}: a question quoted in a list or a table still matches.
 * </ul>
 *
 * Why it differs from the other normalisers: a benchmark item leaks when its words and its
 * numbers appear, so digits stay (the classifier's normaliser folds them) and TeX delimiters go (a
 * question is quoted with or without them); the symbols that carry a formula's structure stay (the
 * shingler drops them), since {@code x^2 + 1} and {@code x_2 + 1} are different questions.
 *
 * <p>Letters are not lower-cased here ({@code LowerCaseFilter} follows), and the input has already
 * been NFKC-normalised ({@link NfkcCharFilter}).
 */
public final class MathTextTokenizer extends Tokenizer {
  private static final String SYMBOLS = "{}^_=+-*/<>()[]|";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final char[] buffer = new char[4096];
  private int length;
  private int pos;
  /** Chars read ahead and given back, last in first out. */
  private final int[] pending = new int[4];
  private int pendingCount;
  /** No char but whitespace since the last line break (or the start): a list marker may follow. */
  private boolean lineStart = true;
  private int previous = '\n';

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    while (true) {
      int c = read();
      if (c < 0) {
        return false;
      }
      char ch = (char) c;
      boolean atLineStart = lineStart;
      int before = previous;
      previous = ch;
      if (ch == '\n') {
        lineStart = true;
        continue;
      }
      if (Character.isWhitespace(ch)) {
        continue;
      }
      lineStart = false;
      if (isLayoutMark(ch, atLineStart, before)) {
        continue;
      }
      if (ch == '\\') {
        int next = read();
        if (next < 0) {
          return false;
        }
        if (Character.isLetter(next)) {
          term.append('\\').append((char) next);
          int d;
          while ((d = read()) >= 0 && isAsciiLetter((char) d)) {
            term.append((char) d);
          }
          unread(d);
          return true;
        }
        // \( \) \[ \] \, \; \! \$ \\ and the like: delimiters, spacing, escapes: separators.
        if (next == '{' || next == '}') {
          term.append((char) next);
          return true;
        }
        continue;
      }
      if (Cjk.isCjk(ch)) {
        term.append(ch);
        return true;
      }
      if (Character.isLetterOrDigit(ch)) {
        term.append(ch);
        int d;
        while ((d = read()) >= 0 && Character.isLetterOrDigit(d) && !Cjk.isCjk((char) d)) {
          term.append((char) d);
        }
        if (atLineStart && (d == '.' || d == ')') && allDigits()) {
          int after = read();
          if (after == ' ' || after == '\t') {
            term.setEmpty(); // "1. " opening a numbered list item: layout, not text
            previous = after;
            continue;
          }
          unread(after);
        }
        unread(d);
        if (term.length() > 0) {
          previous = term.charAt(term.length() - 1);
        }
        return true;
      }
      if (SYMBOLS.indexOf(ch) >= 0) {
        term.append(ch);
        return true;
      }
      // a separator: skip
    }
  }

  /**
   * The marks lists and tables get in extracted text, which a quoted item does not have: a bullet
   * ({@code -}, {@code *}, {@code •}) opening a line before a space, and a table cell separator
   * ({@code " | "}, spaces on both sides).
   */
  private boolean isLayoutMark(char ch, boolean atLineStart, int before) throws IOException {
    if (atLineStart && (ch == '-' || ch == '*' || ch == '•')) {
      int next = read();
      unread(next);
      return next == ' ' || next == '\t';
    }
    if (ch == '|' && (before == ' ' || before == '\t')) {
      int next = read();
      unread(next);
      return next == ' ' || next == '\t';
    }
    return false;
  }

  private boolean allDigits() {
    for (int i = 0; i < term.length(); i++) {
      if (!Character.isDigit(term.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private int read() throws IOException {
    if (pendingCount > 0) {
      return pending[--pendingCount];
    }
    if (pos == length) {
      length = input.read(buffer, 0, buffer.length);
      pos = 0;
      if (length <= 0) {
        length = 0;
        return -1;
      }
    }
    return buffer[pos++];
  }

  private void unread(int c) {
    if (c >= 0) {
      pending[pendingCount++] = c;
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    pos = 0;
    pendingCount = 0;
    lineStart = true;
    previous = '\n';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

}

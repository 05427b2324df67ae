package io.mathsieve.decontam.analysis;

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
 *       dollar signs and the TeX delimiters {@code \( \) \[ \]}, spacing commands ({@code \, \;}).
 * </ul>
 *
 * Letters are not lower-cased here ({@code LowerCaseFilter} follows), and the input has already
 * been NFKC-normalised ({@link NfkcCharFilter}).
 */
public final class MathTextTokenizer extends Tokenizer {
  private static final String SYMBOLS = "{}^_=+-*/<>()[]|";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final char[] buffer = new char[4096];
  private int length;
  private int pos;
  private int pending = -1;

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    while (true) {
      int c = read();
      if (c < 0) {
        return false;
      }
      char ch = (char) c;
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
      if (isCjk(ch)) {
        term.append(ch);
        return true;
      }
      if (Character.isLetterOrDigit(ch)) {
        term.append(ch);
        int d;
        while ((d = read()) >= 0 && Character.isLetterOrDigit(d) && !isCjk((char) d)) {
          term.append((char) d);
        }
        unread(d);
        return true;
      }
      if (SYMBOLS.indexOf(ch) >= 0) {
        term.append(ch);
        return true;
      }
      // a separator: skip
    }
  }

  private int read() throws IOException {
    if (pending >= 0) {
      int p = pending;
      pending = -1;
      return p;
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
      pending = c;
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    pos = 0;
    pending = -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isCjk(char c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
  }
}

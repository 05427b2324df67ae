package io.mathsieve.extract.math;

/**
 * TeX already written into page text, as MathJax and KaTeX auto-render expect it: finds and counts
 * {@code $$..$$}, {@code \[..\]}, {@code \(..\)} and {@code $..$}, and finds forum BBCode
 * {@code [tex]..[/tex]}, {@code [latex]..[/latex]}, {@code [math]..[/math]}.
 *
 * <p>Inline {@code $..$} follows Pandoc's rules so that prices and shell prompts are not math: the
 * opening {@code $} is not followed by whitespace, the closing {@code $} is not preceded by
 * whitespace nor followed by a digit, and {@code \$} is a literal dollar. Scans are linear, with a
 * bounded look-ahead, so a page full of stray dollars cannot make them slow.
 */
public final class TexDelimiters {
  /** Longest formula looked for, in chars. */
  static final int MAX_FORMULA_CHARS = 4000;
  private static final String[] BBCODE_TAGS = {"tex", "latex", "math"};

  private TexDelimiters() {}

  /** Number of delimited formulas in {@code s}. */
  public static int count(CharSequence s) {
    int count = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char d = s.charAt(i + 1);
        if (d == '(' || d == '[') {
          int end = indexOf(s, d == '(' ? "\\)" : "\\]", i + 2);
          if (end > i + 2) {
            count++;
            i = end + 2;
            continue;
          }
        }
        i += 2; // an escaped char, e.g. \$
        continue;
      }
      if (c == '$') {
        if (i + 1 < n && s.charAt(i + 1) == '$') {
          int end = indexOf(s, "$$", i + 2);
          if (end > i + 2) {
            count++;
            i = end + 2;
            continue;
          }
          i += 2;
          continue;
        }
        int end = inlineEnd(s, i);
        if (end > 0) {
          count++;
          i = end + 1;
          continue;
        }
      }
      i++;
    }
    return count;
  }

  /** Index of the {@code $} closing an inline formula opened at {@code open}, or -1. */
  private static int inlineEnd(CharSequence s, int open) {
    int n = s.length();
    if (open + 1 >= n || Character.isWhitespace(s.charAt(open + 1))) {
      return -1;
    }
    int limit = Math.min(n, open + 1 + MAX_FORMULA_CHARS);
    for (int j = open + 1; j < limit; j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
        continue;
      }
      if (c == '\n' && j + 1 < n && s.charAt(j + 1) == '\n') {
        return -1; // inline math does not cross paragraphs
      }
      if (c == '$') {
        if (Character.isWhitespace(s.charAt(j - 1)) || (j + 1 < n && Character.isDigit(s.charAt(j + 1)))) {
          return -1;
        }
        return j;
      }
    }
    return -1;
  }

  /** A BBCode formula found in text. */
  public record Bbcode(int start, int end, String tex) {}

  /** The first BBCode formula at or after {@code from}, or null. Tags are case-insensitive. */
  public static Bbcode nextBbcode(String s, int from) {
    int i = s.indexOf('[', from);
    while (i >= 0 && i < s.length()) {
      for (String tag : BBCODE_TAGS) {
        int openEnd = i + tag.length() + 2;
        if (openEnd <= s.length() && s.charAt(openEnd - 1) == ']' && s.regionMatches(true, i + 1, tag, 0, tag.length())) {
          String close = "[/" + tag + "]";
          int end = indexOfIgnoreCase(s, close, openEnd, Math.min(s.length(), openEnd + MAX_FORMULA_CHARS + close.length()));
          if (end >= 0) {
            return new Bbcode(i, end + close.length(), s.substring(openEnd, end));
          }
        }
      }
      i = s.indexOf('[', i + 1);
    }
    return null;
  }

  private static int indexOf(CharSequence s, String needle, int from) {
    int limit = Math.min(s.length() - needle.length(), from + MAX_FORMULA_CHARS);
    outer:
    for (int i = from; i <= limit; i++) {
      for (int k = 0; k < needle.length(); k++) {
        if (s.charAt(i + k) != needle.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int indexOfIgnoreCase(String s, String needle, int from, int to) {
    for (int i = from; i + needle.length() <= to; i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}

package io.mathsieve.samples;

/** Joins LaTeX fragments the way mathsieve's MathML converter does: a space only where needed. */
final class Latex {
  private Latex() {}

  /** Appends {@code next} to {@code out}, with a space if a control word would otherwise swallow a letter. */
  static void append(StringBuilder out, String next) {
    if (next.isEmpty()) {
      return;
    }
    if (endsWithControlWord(out) && Character.isLetter(next.charAt(0))) {
      out.append(' ');
    }
    out.append(next);
  }

  static boolean endsWithControlWord(CharSequence s) {
    int i = s.length() - 1;
    if (i < 0 || !Character.isLetter(s.charAt(i))) {
      return false;
    }
    while (i >= 0 && isAsciiLetter(s.charAt(i))) {
      i--;
    }
    return i >= 0 && s.charAt(i) == '\\' && (i == 0 || s.charAt(i - 1) != '\\');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

package io.mathsieve.bench.eval;

/**
 * Whether a formula survived extraction, by the rule of {@code realdata/tex.tsv}: a formula is kept
 * when its normalised form is a substring of the normalised extracted text. Normalising removes
 * whitespace and braces and drops {@code \displaystyle} and {@code \textstyle}, so that
 * {@code \frac{1}{2}} and {@code \frac 1 2} compare equal and delimiters or wrapping do not matter.
 *
 * <pre>{@code
 * TexMatch.normalise("{\\displaystyle x^{2} }")  // "x^2"
 * }</pre>
 */
public final class TexMatch {
  private TexMatch() {}

  public static String normalise(String tex) {
    StringBuilder b = new StringBuilder(tex.length());
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c != '{' && c != '}' && !Character.isWhitespace(c) && c != '\u00a0') {
        b.append(c);
      }
    }
    return b.toString().replace("\\displaystyle", "").replace("\\textstyle", "");
  }
}

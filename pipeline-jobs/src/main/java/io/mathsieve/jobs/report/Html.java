package io.mathsieve.jobs.report;

import java.util.Locale;

/**
 * Writing HTML without letting crawled text become markup: every string from the crawl (URLs,
 * texts, domains, details) goes through {@link #text}, which escapes the five characters that can
 * open a tag, an entity or leave an attribute, and drops control characters.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(1 << 16);

  /** {@code s} escaped for element content and double-quoted attributes. */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** Appends trusted markup (written by this package, never from the crawl). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends {@code s} escaped. */
  Html esc(String s) {
    out.append(text(s));
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

package io.mathsieve.extract.warc;

import java.util.Locale;

/** The host part of a URL, without parsing it fully (crawled URLs are often not valid {@link java.net.URI}s). */
public final class Hosts {
  private Hosts() {}

  /**
   * Lower-cased host of {@code url}, without user info, port or trailing dot; empty when there is none.
   * {@code "https://User@Example.ORG:8080/a"} gives {@code "example.org"}.
   */
  public static String of(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int end = start;
    while (end < url.length()) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        break;
      }
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close > 0 ? authority.substring(0, close + 1).toLowerCase(Locale.ROOT) : authority.toLowerCase(Locale.ROOT);
    }
    int colon = authority.indexOf(':');
    if (colon >= 0) {
      authority = authority.substring(0, colon);
    }
    if (authority.endsWith(".")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    return authority.toLowerCase(Locale.ROOT);
  }
}

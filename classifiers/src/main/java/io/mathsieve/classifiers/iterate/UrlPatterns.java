package io.mathsieve.classifiers.iterate;

import java.util.Locale;

/**
 * URL path patterns, the unit in which math is annotated inside a math domain: the host followed
 * by the first path segment, like {@code mathoverflow.net/questions}. A URL matches a pattern when
 * its host and path start with it at a segment boundary.
 *
 * <pre>{@code
 * UrlPatterns.of("https://www.mathoverflow.net/questions/123/why")   // "mathoverflow.net/questions"
 * UrlPatterns.matches("mathoverflow.net/questions", "https://mathoverflow.net/questions/9")   // true
 * }</pre>
 *
 * <p>Hosts are lower-cased and a leading {@code www.} dropped; a URL with no path segment has the
 * pattern of its bare host.
 */
public final class UrlPatterns {
  private UrlPatterns() {}

  /** The pattern of {@code url}: host and first path segment. */
  public static String of(String url) {
    String hp = hostAndPath(url);
    int slash = hp.indexOf('/');
    if (slash < 0) {
      return hp;
    }
    int next = hp.indexOf('/', slash + 1);
    String segment = next < 0 ? hp.substring(slash + 1) : hp.substring(slash + 1, next);
    return segment.isEmpty() ? hp.substring(0, slash) : hp.substring(0, slash) + "/" + segment;
  }

  /** Whether {@code url} falls under {@code pattern}. */
  public static boolean matches(String pattern, String url) {
    String p = pattern.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String hp = hostAndPath(url);
    return hp.startsWith(p) && (hp.length() == p.length() || hp.charAt(p.length()) == '/');
  }

  /** {@code host/path} without scheme, user info, port, query or fragment; host lower-cased, {@code www.} dropped. */
  static String hostAndPath(String url) {
    String u = url;
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      u = u.substring(scheme + 3);
    }
    int end = u.length();
    for (char c : new char[] {'?', '#'}) {
      int i = u.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    u = u.substring(0, end);
    int slash = u.indexOf('/');
    String host = slash < 0 ? u : u.substring(0, slash);
    String path = slash < 0 ? "" : u.substring(slash);
    int at = host.lastIndexOf('@');
    if (at >= 0) {
      host = host.substring(at + 1);
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return host + path;
  }
}

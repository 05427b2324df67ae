package io.mathsieve.dedup.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of a URL, so that captures of one page under different URLs dedup together:
 * scheme and host lower-cased, {@code http} and {@code https} merged, default ports and a leading
 * {@code www.} dropped (configurable), fragments dropped, tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}, ...) and session ids ({@code sid}, {@code jsessionid}, ...) removed,
 * the remaining query parameters sorted, percent-escapes of unreserved characters decoded and the
 * others upper-cased.
 *
 * <pre>{@code
 * new UrlCanonicalizer(true).canonical("HTTP://www.Example.org:80/a/?utm_source=x&b=2&a=1#top")
 *   == "https://example.org/a/?a=1&b=2"
 * }</pre>
 *
 * <p>Parses by hand: crawled URLs are often not valid {@link java.net.URI}s (spaces, raw Unicode),
 * and a URL that cannot be parsed is returned trimmed, so it still dedups with exact copies of itself.
 */
public final class UrlCanonicalizer {
  /** Query parameters that only track where a visitor came from. */
  static final Set<String> TRACKING =
      Set.of("fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref_src",
          "spm", "scid", "wt.mc_id", "cmpid", "ncid", "__twitter_impression", "oly_enc_id", "oly_anon_id", "vero_id", "_hsenc", "_hsmi",
          "mkt_tok", "trk");
  /** Query (and path) parameters that carry a server session. */
  static final Set<String> SESSION =
      Set.of("sid", "sessionid", "session_id", "phpsessid", "jsessionid", "aspsessionid", "cfid", "cftoken", "zenid", "osCsid".toLowerCase(Locale.ROOT));

  private final boolean stripWww;

  public UrlCanonicalizer(boolean stripWww) {
    this.stripWww = stripWww;
  }

  public String canonical(String url) {
    String u = url.strip();
    int schemeEnd = u.indexOf("://");
    if (schemeEnd <= 0) {
      return u;
    }
    String scheme = u.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (scheme.equals("http")) {
      scheme = "https";
    }
    int hashAt = u.indexOf('#');
    if (hashAt >= 0) {
      u = u.substring(0, hashAt);
    }
    int authStart = schemeEnd + 3;
    int authEnd = authStart;
    while (authEnd < u.length() && "/?\\".indexOf(u.charAt(authEnd)) < 0) {
      authEnd++;
    }
    String host = u.substring(authStart, authEnd);
    int at = host.lastIndexOf('@');
    if (at >= 0) {
      host = host.substring(at + 1);
    }
    String port = "";
    int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
    if (colon >= 0) {
      port = host.substring(colon + 1);
      host = host.substring(0, colon);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (stripWww && host.startsWith("www.") && host.indexOf('.', 4) > 0) {
      host = host.substring(4);
    }
    if (port.equals("80") || port.equals("443") || port.isEmpty()) {
      port = "";
    } else {
      port = ":" + port;
    }
    String rest = u.substring(authEnd).replace('\\', '/');
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? "" : rest.substring(q + 1);
    path = normalizePath(path);
    query = normalizeQuery(query);
    return scheme + "://" + host + port + path + (query.isEmpty() ? "" : "?" + query);
  }

  private static String normalizePath(String path) {
    if (path.isEmpty()) {
      return "/";
    }
    // Session ids in path parameters: /page;jsessionid=ABC
    int semi = path.indexOf(';');
    while (semi >= 0) {
      int end = path.indexOf('/', semi);
      String param = path.substring(semi + 1, end < 0 ? path.length() : end);
      int eq = param.indexOf('=');
      String key = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (SESSION.contains(key)) {
        path = path.substring(0, semi) + (end < 0 ? "" : path.substring(end));
        semi = path.indexOf(';', semi);
      } else {
        semi = path.indexOf(';', semi + 1);
      }
    }
    return normalizeEscapes(path);
  }

  private static String normalizeQuery(String query) {
    if (query.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (key.startsWith("utm_") || TRACKING.contains(key) || SESSION.contains(key) || key.startsWith("aspsessionid")) {
        continue;
      }
      kept.add(normalizeEscapes(pair));
    }
    kept.sort(null);
    return String.join("&", kept);
  }

  /** Decodes escapes of unreserved characters ({@code %7E} is {@code ~}) and upper-cases the rest. */
  static String normalizeEscapes(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
        int v = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
        char d = (char) v;
        if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d == '-' || d == '.' || d == '_' || d == '~') {
          out.append(d);
        } else {
          out.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
        }
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

package io.mathsieve.extract.html;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Decides which elements are page chrome rather than content: navigation, site headers and
 * footers, sidebars, cookie and consent banners, share widgets, ads, pagination, hidden helpers.
 *
 * <p>Rules, cheapest first: landmark tags ({@code nav}, {@code aside}, {@code menu}, a {@code footer},
 * a {@code header} outside any {@code article}/{@code main}); ARIA roles ({@code navigation},
 * {@code banner}, {@code contentinfo}, {@code complementary}...); {@code hidden} and
 * {@code aria-hidden="true"}; then class and id tokens naming chrome ({@code sidebar},
 * {@code cookie-banner}, {@code share-buttons}, {@code breadcrumb}...), matched as whole words inside
 * a token ({@code site-footer} matches {@code footer}; {@code footnote} does not). An element that
 * contains the page's {@code main} or {@code article} is never dropped, so a wrapper with an
 * unlucky class name cannot take the content with it.
 */
final class Boilerplate {
  /** Parsed once: parsing the selector for every element cost more than the search (JFR, notebooks-docs/performance.md). */
  private static final Evaluator CONTENT = QueryParser.parse("main, article, [role=main]");

  private static final Set<String> TAGS = Set.of("nav", "aside", "menu", "footer", "dialog");
  private static final Set<String> ROLES =
      Set.of("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar");
  private static final Set<String> WORDS =
      Set.of(
          "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "footer", "cookie", "cookies",
          "consent", "gdpr", "share", "sharing", "sharedaddy", "addthis", "social", "related", "advert", "advertisement",
          "ads", "ad", "adsbygoogle", "sponsored", "banner", "popup", "modal", "newsletter", "subscribe", "signup", "login",
          "pagination", "pager", "widget", "masthead", "copyright", "toolbar", "skip", "sr", "screen-reader-text",
          "visually-hidden", "more-links", "tagcloud", "topbar");

  /** Stems of class and id values that make an element an unlikely main-content candidate (Readability's list). */
  private static final Stems UNLIKELY = new Stems(
    "-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer",
    "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
    "supplemental", "pagination", "pager", "popup", "yom-remote", "share", "newsletter", "cookie", "promo", "navbar", "subscribe");
  /** Stems that keep an element a candidate despite an unlikely stem ({@code main-header-content}). */
  private static final Stems MAYBE = new Stems("and", "article", "body", "column", "content", "main", "mathjax", "shadow", "post", "entry", "story");
  private static final Stems NEGATIVE = new Stems(
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
    "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "byline", "caption", "credit");
  private static final Stems POSITIVE = new Stems(
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story", "prose", "rich-text");

  private Boilerplate() {}

  /** Whether class or id name the element as comments, sidebars, menus and the like, and nothing content-like. */
  static boolean unlikelyCandidate(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    String name = e.normalName();
    if (name.equals("body") || name.equals("a") || name.equals("main") || name.equals("article")) {
      return false;
    }
    org.jsoup.nodes.Attributes attributes = e.attributes(); // names lower-cased by the HTML parser: exact lookups
    String cls = attributes.get("class");
    String id = attributes.get("id");
    if (cls.isEmpty() && id.isEmpty()) {
      return false;
    }
    return (UNLIKELY.foundIn(cls) || UNLIKELY.foundIn(id)) && !MAYBE.foundIn(cls) && !MAYBE.foundIn(id);
  }

  /** Readability's class weight: -25 or +25 for each of class and id that names chrome or content. */
  static int classWeight(Element e) {
    if (e.attributesSize() == 0) {
      return 0;
    }
    return weight(e.attr("class")) + weight(e.attr("id"));
  }

  private static int weight(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    int w = 0;
    if (NEGATIVE.foundIn(value)) {
      w -= 25;
    }
    if (POSITIVE.foundIn(value)) {
      w += 25;
    }
    return w;
  }


  static boolean isBoilerplate(Element e, String name) {
    if (TAGS.contains(name) || (name.equals("header") && !insideContent(e))) {
      return !containsContent(e);
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
      return true;
    }
    String role = e.attr("role");
    if (!role.isEmpty() && ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return !containsContent(e);
    }
    if (matches(e.attr("class")) || matches(e.attr("id"))) {
      return !containsContent(e);
    }
    return false;
  }

  /** The chrome words by length, for comparing parts of a class value in place (no substrings: this runs for most elements). */
  private static final String[][] WORDS_BY_LENGTH = byLength(WORDS);

  private static String[][] byLength(Set<String> words) {
    int max = words.stream().mapToInt(String::length).max().orElse(0);
    String[][] out = new String[max + 1][];
    for (int len = 0; len <= max; len++) {
      int l = len;
      out[len] = words.stream().filter(w -> w.length() == l).sorted().toArray(String[]::new);
    }
    return out;
  }

  /** Whether a class or id attribute names chrome. */
  static boolean matches(String attribute) {
    int n = attribute.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(attribute.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(attribute.charAt(i))) {
        i++;
      }
      if (i > start && tokenMatches(attribute, start, i)) {
        return true;
      }
    }
    return false;
  }

  /** A token matches when it is a chrome word or has one as a whole dash/underscore-separated part. */
  private static boolean tokenMatches(String s, int from, int to) {
    if (isWord(s, from, to)) {
      return true;
    }
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '-' || s.charAt(i) == '_') {
        if (i > start && i - start < to - from && isWord(s, start, i)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  private static boolean isWord(String s, int from, int to) {
    int len = to - from;
    if (len <= 0 || len >= WORDS_BY_LENGTH.length) {
      return false;
    }
    char first = Character.toLowerCase(s.charAt(from));
    for (String w : WORDS_BY_LENGTH[len]) {
      if (w.charAt(0) == first && s.regionMatches(true, from, w, 0, len)) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideContent(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      String n = p.normalName();
      if (n.equals("article") || n.equals("main")) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsContent(Element e) {
    return e.selectFirst(CONTENT) != null;
  }
}

package io.mathsieve.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.samples.PageFactory.Layout;
import io.mathsieve.samples.PageFactory.Page;
import io.mathsieve.samples.TextForge.Topic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input for benchmarks: WARC files of pages sized like Common Crawl's (HTML bodies log-normal with a
 * median of about 60 KB and a mean of about 150 KB, capped at 2 MB), most of the bytes being what
 * real pages carry around their text: inline scripts, styles, JSON-LD, navigation menus, footers,
 * SVG icons. A few percent are math pages (every markup mathsieve reads), a few are Chinese. Also
 * writes {@code manifest.jsonl} (url, is_math, html_bytes) so recall can be measured.
 */
public final class BenchCorpus {
  static final double MEDIAN_BYTES = 60_000;
  static final double SIGMA = 1.354; // mean/median = exp(sigma^2 / 2) = 2.5
  static final int MAX_BYTES = 2_000_000;
  static final int MIN_BYTES = 6_000;

  private BenchCorpus() {}

  /** What was written. */
  public record Summary(List<Path> files, int pages, int mathPages, long htmlBytes, Path manifest) {}

  public static Summary generate(Path outDir, int pages, long seed, double mathShare) {
    return generate(outDir, pages, seed, mathShare, 0);
  }

  /**
   * As above, with {@code duplicateShare} of the pages copies of a recent page under a new URL: half
   * exact copies, half near-duplicates (one line added), as a crawl repeats mirrors and templates.
   * Recent pages are a bounded ring, so generating stays in constant memory whatever {@code pages}.
   */
  public static Summary generate(Path outDir, int pages, long seed, double mathShare, double duplicateShare) {
    Rng rng = new Rng(seed);
    byte[][] recent = new byte[256][];
    boolean[] recentMath = new boolean[recent.length];
    int perFile = 100;
    List<Path> files = new ArrayList<>();
    int math = 0;
    long bytes = 0;
    ObjectMapper json = new ObjectMapper();
    Path manifest = outDir.resolve("manifest.jsonl");
    try {
      Files.createDirectories(outDir.resolve("warc"));
      try (BufferedWriter m = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
        WarcRecordWriter w = null;
        for (int i = 0; i < pages; i++) {
          if (i % perFile == 0) {
            if (w != null) {
              w.close();
            }
            Path file = outDir.resolve("warc").resolve(String.format("BENCH-%05d.warc.gz", i / perFile));
            files.add(file);
            w = new WarcRecordWriter(file, true);
          }
          Rng r = rng.fork("page-" + i);
          if (duplicateShare > 0 && i >= recent.length && r.chance(duplicateShare)) { // no draw without duplicates: same pages as before
            int from = r.between(0, recent.length - 1);
            boolean near = r.chance(0.5);
            byte[] html = near ? new String(recent[from], StandardCharsets.UTF_8).replace("</body>", "<p>Updated " + i + ".</p></body>")
                .getBytes(StandardCharsets.UTF_8) : recent[from];
            String url = "https://mirror" + r.between(1, 50) + ".example-net/copy/" + i;
            w.write("response", SampleGenerator.baseTime().plusSeconds(i), r.uuid(),
                SampleGenerator.ordered("WARC-Target-URI", url, "Content-Type", "application/http; msgtype=response"),
                Http.response(200, SampleGenerator.ordered("Content-Type", "text/html; charset=utf-8"), html));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", url);
            entry.put("is_math", recentMath[from]);
            entry.put("duplicate", near ? "near" : "exact");
            entry.put("html_bytes", html.length);
            m.write(json.writeValueAsString(entry));
            m.write('\n');
            math += recentMath[from] ? 1 : 0;
            bytes += html.length;
            continue;
          }
          boolean isMath = r.chance(mathShare);
          boolean chinese = r.chance(0.05);
          Topic topic = isMath ? r.pick(Topic.ALGEBRA, Topic.CALCULUS, Topic.NUMBER_THEORY, Topic.GEOMETRY, Topic.PROBABILITY, Topic.LINEAR_ALGEBRA)
              : r.pick(Topic.NEWS, Topic.SHOP, Topic.RECIPE, Topic.SPORTS, Topic.DOCS, Topic.TRAVEL);
          Layout layout = isMath ? r.pick(Layout.FORUM, Layout.LECTURE_NOTES, Layout.BLOG, Layout.WIKI, Layout.JOURNAL)
              : r.pick(Layout.NEWS, Layout.SHOP, Layout.RECIPE, Layout.SPORTS, Layout.DOCS, Layout.TRAVEL, Layout.BLOG);
          List<MathMarkup> markups = isMath ? List.of(r.pick(MathMarkup.values())) : List.of();
          String host = "site" + r.between(1, 400) + ".example-" + r.pick("com", "org", "net", "info");
          Page page = PageFactory.build(r, "Site " + host, layout, topic, markups, r.chance(0.5), chinese ? "zh" : "en", null);
          int target = (int) Math.max(MIN_BYTES, Math.min(MAX_BYTES, MEDIAN_BYTES * Math.exp(SIGMA * gaussian(r))));
          byte[] html = inflate(page.html(), target, r).getBytes(StandardCharsets.UTF_8);
          String url = "https://" + host + "/" + (isMath ? "math" : "page") + "/" + i;
          Instant date = SampleGenerator.baseTime().plusSeconds(i);
          w.write("response", date, r.uuid(), SampleGenerator.ordered("WARC-Target-URI", url, "Content-Type", "application/http; msgtype=response"),
              Http.response(200, SampleGenerator.ordered("Content-Type", "text/html; charset=utf-8"), html));
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("url", url);
          entry.put("is_math", isMath);
          entry.put("lang", chinese ? "zh" : "en");
          entry.put("html_bytes", html.length);
          m.write(json.writeValueAsString(entry));
          m.write('\n');
          math += isMath ? 1 : 0;
          bytes += html.length;
          recent[i % recent.length] = html;
          recentMath[i % recent.length] = isMath;
        }
        if (w != null) {
          w.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(files, pages, math, bytes, manifest);
  }

  private static double gaussian(Rng r) {
    double u = Math.max(1e-12, r.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /**
   * The page grown to about {@code target} bytes with what real pages carry: a third in head
   * scripts and styles, the rest in navigation, inline scripts, JSON-LD, icons and footer links.
   */
  static String inflate(String html, int target, Rng r) {
    int missing = target - html.length();
    if (missing <= 0) {
      return html;
    }
    StringBuilder head = new StringBuilder();
    StringBuilder body = new StringBuilder();
    while (head.length() < missing / 3) {
      switch (r.between(0, 2)) {
        case 0 -> head.append("<style>").append(css(r, 2_000 + r.between(0, 6_000))).append("</style>\n");
        case 1 -> head.append("<script>").append(js(r, 3_000 + r.between(0, 12_000))).append("</script>\n");
        default -> head.append("<script type=\"application/ld+json\">").append(jsonLd(r)).append("</script>\n");
      }
    }
    while (head.length() + body.length() < missing) {
      switch (r.between(0, 3)) {
        case 0 -> body.append(nav(r, r.between(10, 60)));
        case 1 -> body.append("<script>").append(js(r, 1_000 + r.between(0, 8_000))).append("</script>\n");
        case 2 -> body.append(svgIcons(r, r.between(3, 12)));
        default -> body.append(footer(r, r.between(10, 40)));
      }
    }
    String withHead = html.replaceFirst("</head>", java.util.regex.Matcher.quoteReplacement(head + "</head>"));
    int close = withHead.lastIndexOf("</body>");
    return close < 0 ? withHead + body : withHead.substring(0, close) + body + withHead.substring(close);
  }

  private static final String[] WORDS = {"home", "news", "about", "contact", "shop", "cart", "account", "login", "search", "blog", "deals",
      "sale", "new", "popular", "trending", "world", "local", "sports", "weather", "travel", "food", "style", "tech", "video", "photos",
      "events", "careers", "help", "faq", "privacy", "terms", "cookies", "sitemap", "subscribe", "newsletter", "gift", "cards", "stores"};

  private static String word(Rng r) {
    return WORDS[r.between(0, WORDS.length - 1)];
  }

  private static String ident(Rng r) {
    StringBuilder b = new StringBuilder();
    int n = r.between(2, 9);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + r.between(0, 25)));
    }
    return b.toString();
  }

  static String css(Rng r, int chars) {
    StringBuilder b = new StringBuilder();
    while (b.length() < chars) {
      b.append('.').append(word(r)).append('-').append(ident(r)).append("{margin:").append(r.between(0, 40)).append("px ")
          .append(r.between(0, 40)).append("px;color:#").append(Integer.toHexString(0x100000 + r.between(0, 0xEFFFFF))).append(";display:")
          .append(r.chance(0.5) ? "flex" : "block").append(";font-size:").append(r.between(10, 24)).append("px}");
    }
    return b.toString();
  }

  static String js(Rng r, int chars) {
    StringBuilder b = new StringBuilder();
    while (b.length() < chars) {
      String f = ident(r);
      b.append("function ").append(f).append("(").append(ident(r)).append(",").append(ident(r)).append("){var ").append(ident(r))
          .append("=Math.floor(Math.random()*").append(r.between(2, 1000)).append(");if(").append(ident(r)).append("&&document.getElementById('")
          .append(word(r)).append("-").append(ident(r)).append("')){return ").append(ident(r)).append(".replace(/\\s+/g,'").append(word(r))
          .append("')}window.dataLayer=window.dataLayer||[];dataLayer.push({event:'").append(word(r)).append("',value:").append(r.between(0, 99999))
          .append("});}");
    }
    return b.toString();
  }

  static String jsonLd(Rng r) {
    return "{\"@context\":\"https://schema.org\",\"@type\":\"Organization\",\"name\":\"" + word(r) + " " + ident(r) + "\",\"url\":\"https://"
        + ident(r) + ".example\",\"sameAs\":[\"https://social.example/" + ident(r) + "\",\"https://video.example/" + ident(r) + "\"]}";
  }

  static String nav(Rng r, int links) {
    StringBuilder b = new StringBuilder("<nav class=\"menu\"><ul>");
    for (int i = 0; i < links; i++) {
      String w = word(r);
      b.append("<li class=\"menu-item\"><a href=\"/").append(w).append('/').append(ident(r)).append("\" data-track=\"").append(ident(r))
          .append("\">").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)).append(' ').append(word(r)).append("</a></li>");
    }
    return b.append("</ul></nav>\n").toString();
  }

  static String svgIcons(Rng r, int n) {
    StringBuilder b = new StringBuilder("<svg style=\"display:none\">");
    for (int i = 0; i < n; i++) {
      b.append("<symbol id=\"icon-").append(ident(r)).append("\" viewBox=\"0 0 24 24\"><path d=\"M").append(r.between(0, 24)).append(' ')
          .append(r.between(0, 24));
      for (int k = 0; k < 12; k++) {
        b.append(" L").append(r.between(0, 24)).append('.').append(r.between(0, 99)).append(' ').append(r.between(0, 24)).append('.')
            .append(r.between(0, 99));
      }
      b.append(" Z\"/></symbol>");
    }
    return b.append("</svg>\n").toString();
  }

  static String footer(Rng r, int links) {
    StringBuilder b = new StringBuilder("<div class=\"footer-links\">");
    for (int i = 0; i < links; i++) {
      b.append("<a href=\"https://").append(ident(r)).append(".example/").append(word(r)).append("\">").append(word(r)).append("</a> | ");
    }
    return b.append("<p>© 2024 ").append(ident(r)).append(". All rights reserved.</p></div>\n").toString();
  }
}

package io.mathsieve.samples;

import io.mathsieve.samples.PageFactory.Layout;
import io.mathsieve.samples.PageFactory.Page;
import io.mathsieve.samples.TextForge.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * What the generator plants among the ordinary pages: duplicates of several kinds, and the broken,
 * odd and non-HTML records a real crawl contains. Each planted record's manifest entry says what it
 * is and what extraction should make of it.
 */
final class Plants {
  private Plants() {}

  // ------------------------------------------------------------------------------ duplicates

  /** Exact copies on a mirror host, URL variants of the same capture, and near-copies with ~2% of words changed. */
  static void dedup(Rng rng, List<Capture> originals, Consumer<Capture> sink) {
    List<Capture> candidates = new ArrayList<>();
    for (Capture c : originals) {
      // English pages: near-copies change English words, which Chinese pages have none of.
      if ("page".equals(c.manifest().get("expect")) && c.httpBlock().length > 3000 && "en".equals(c.manifest().get("lang"))) {
        candidates.add(c);
      }
    }
    List<Capture> chosen = new ArrayList<>();
    while (chosen.size() < 36) {
      Capture c = rng.pick(candidates);
      if (!chosen.contains(c)) {
        chosen.add(c);
      }
    }
    // The copy is fetched later, and the latest fetch wins: the original is the one dedup drops.
    for (int i = 0; i < 12; i++) {
      Capture c = chosen.get(i);
      String url = c.url().replaceFirst("https://[^/]+", "https://mirror.example-mirror.org");
      sink.accept(copy(rng, c, url, "exact_dup", c.httpBlock()));
      c.manifest().put("expect_dedup", "dedup/exact");
    }
    String[] variants = {"utm", "fragment", "http", "www", "session", "host_case"};
    for (int i = 12; i < 24; i++) {
      Capture c = chosen.get(i);
      String url =
          switch (variants[i % variants.length]) {
            case "utm" -> c.url() + (c.url().contains("?") ? "&" : "?") + "utm_source=newsletter&utm_medium=email&utm_campaign=spring";
            case "fragment" -> c.url() + "#comments";
            case "http" -> c.url().replaceFirst("^https://", "http://");
            case "www" -> c.url().startsWith("https://www.") ? c.url().replaceFirst("^https://www\\.", "https://")
                : c.url().replaceFirst("^https://", "https://www.");
            case "session" -> c.url() + (c.url().contains("?") ? "&" : "?") + "sid=" + Long.toHexString(rng.nextLong());
            default -> c.url().replaceFirst("^https://([^/]+)", "https://" + hostUpper(c.url()));
          };
      sink.accept(copy(rng, c, url, "url_variant", c.httpBlock()));
      c.manifest().put("expect_dedup", "dedup/url");
    }
    for (int i = 24; i < 36; i++) {
      Capture c = chosen.get(i);
      String url = c.url().replaceFirst("https://[^/]+", "https://syndicated.example.net");
      byte[] changed = changeWords(rng, c.httpBlock(), 0.02);
      Capture near = copy(rng, c, url, "near_dup", changed);
      near.manifest().put("formulas_exact", false);
      sink.accept(near);
    }
  }

  private static String hostUpper(String url) {
    String host = url.replaceFirst("^https://([^/]+).*$", "$1");
    return host.substring(0, 1).toUpperCase() + host.substring(1);
  }

  private static Capture copy(Rng rng, Capture original, String url, String kind, byte[] block) {
    Map<String, Object> m = new LinkedHashMap<>(original.manifest());
    m.put("url", url);
    m.put("domain", url.replaceFirst("^https?://([^/#?]+).*$", "$1").toLowerCase());
    Map<String, Object> planted = new LinkedHashMap<>();
    planted.put("kind", kind);
    planted.put("of", original.url());
    m.put("planted", planted);
    // A copy is always fetched after its original, so "latest fetch wins" is observable.
    return new Capture(url, original.date().plusSeconds(3_600 + rng.between(0, 86_400)), rng.uuid(), block, m, original.broken());
  }

  private static final Pattern WORD = Pattern.compile("(?<=[ >])([a-z]{5,})(?=[ ,.<])");
  private static final List<String> REPLACEMENTS = List.of("quietly", "purple", "window", "gentle", "harbor", "signal", "meadow", "copper");

  /** Replaces about {@code share} (at least one) of the lower-case words of the main content (never in tags). */
  static byte[] changeWords(Rng rng, byte[] httpBlock, double share) {
    String all = new String(httpBlock, StandardCharsets.UTF_8);
    // Only the main content changes: a change in the chrome would vanish with it at extraction.
    int bodyStart = all.indexOf("id=\"content\">");
    int sidebar = all.indexOf("<aside", Math.max(bodyStart, 0));
    int bodyEnd = sidebar >= 0 ? sidebar : all.indexOf("<div id=\"sidebar\"", Math.max(bodyStart, 0));
    if (bodyStart < 0 || bodyEnd < 0) {
      return httpBlock;
    }
    String body = all.substring(bodyStart, bodyEnd);
    Matcher m = WORD.matcher(body);
    StringBuilder out = new StringBuilder();
    int last = 0;
    boolean changedAny = false;
    while (m.find()) {
      boolean inTag = body.lastIndexOf('<', m.start()) > body.lastIndexOf('>', m.start());
      // Always change the first eligible word, so that a near-copy is never an exact copy.
      if (!inTag && body.charAt(m.start() - 1) != '\\' && (!changedAny || rng.chance(share))) {
        out.append(body, last, m.start()).append(rng.pick(REPLACEMENTS));
        last = m.end();
        changedAny = true;
      }
    }
    out.append(body.substring(last));
    String changed = all.substring(0, bodyStart) + out + all.substring(bodyEnd);
    // The HTTP Content-Length must match the new body.
    String head = changed.substring(0, changed.indexOf("\r\n\r\n") + 4);
    String html = changed.substring(head.length());
    byte[] htmlBytes = html.getBytes(StandardCharsets.UTF_8);
    head = head.replaceFirst("Content-Length: \\d+", "Content-Length: " + htmlBytes.length);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    o.writeBytes(htmlBytes);
    return o.toByteArray();
  }

  // ------------------------------------------------------------------------------ benchmark items

  /**
   * Pages that quote the fixture benchmarks: a question, a solution, an n-gram spanning question
   * and answer, a short item whole, an item re-wrapped with a line break every few words, a Chinese
   * item, a LaTeX item inside KaTeX markup; and a near miss (the same kind of problem, reworded)
   * that must stay.
   */
  static void benchmarks(Rng rng, SampleGenerator gen, Consumer<Capture> sink) {
    String host = "https://studyhelp.example.org/thread/";
    FixtureBenchmarks.Gsm ducks = FixtureBenchmarks.GSM8K.get(0);
    FixtureBenchmarks.Gsm robe = FixtureBenchmarks.GSM8K.get(1);
    FixtureBenchmarks.Gsm sprints = FixtureBenchmarks.GSM8K.get(3);
    FixtureBenchmarks.MathItem asymptotes = FixtureBenchmarks.MATH.get(0);
    FixtureBenchmarks.MathItem ellipse = FixtureBenchmarks.MATH.get(2);
    String sprintsAnswer = sprints.answer().replaceAll("<<[^<>]*>>", "");
    plant(rng, gen, sink, host + "duck-eggs", "gsm8k", "test.jsonl:1", "question", "decontam/ngram", "en",
        "<p>Can someone check my homework? " + esc(ducks.question()) + " I got 18 but I am not sure.</p>");
    plant(rng, gen, sink, host + "asymptotes-solution", "math", "test.jsonl:1", "solution", "decontam/ngram", "en",
        "<p>Here is how I would write it up. " + esc(asymptotes.solution()) + "</p>");
    plant(rng, gen, sink, host + "sprints", "gsm8k", "test.jsonl:4", "spanning", "decontam/ngram", "en",
        "<p>The last line of the problem was: How many total meters does he run a week? " + esc(sprintsAnswer.substring(0, sprintsAnswer.indexOf('\n')))
            + " is how the book starts.</p>");
    plant(rng, gen, sink, host + "quick-quiz", "arith", "test.jsonl:1", "short", "decontam/exact", "en",
        "<p>Warm-up question from class: What is 17 times 23? The answer we got was 391, then we moved on.</p>");
    StringBuilder wrapped = new StringBuilder("<p>");
    String[] words = (robe.question() + " " + robe.answer().replaceAll("<<[^<>]*>>", "")).split("\\s+");
    for (int i = 0; i < words.length; i++) {
      wrapped.append(esc(words[i])).append(i % 4 == 3 ? "<br>\n" : " ");
    }
    plant(rng, gen, sink, host + "robe-rewrapped", "gsm8k", "test.jsonl:2", "rewrapped", "decontam/ngram", "en", wrapped.append("</p>").toString());
    plant(rng, gen, sink, "https://shuxue.example.cn/timu/cmath-plant.html", "cmath", "test.jsonl:1", "chinese", "decontam/ngram", "zh",
        "<p>今天的作业：" + FixtureBenchmarks.CMATH.get(0).question() + "请写出算式。</p>");
    plant(rng, gen, sink, host + "coat-reworded", "gsm8k", "test.jsonl:2", "near_miss", "page", "en",
        "<p>A coat needs 3 rolls of red cloth and twice that much yellow cloth. Altogether, how many rolls does one coat use up?</p>");
    String katex = MathMarkup.KATEX.render(new TextForge.FormulaSlot("x^2 + 4y^2 = 400.", null, true), rng).html();
    plant(rng, gen, sink, host + "ellipse-foci", "math", "test.jsonl:3", "latex", "decontam/ngram", "en",
        "<p>Find the distance between the foci of the ellipse " + katex + "</p><p>I tried completing the square but that did not help.</p>");
  }

  private static void plant(Rng rng, SampleGenerator gen, Consumer<Capture> sink, String url, String benchmark, String item, String how,
      String expectDecontam, String lang, String planted) {
    Page p = PageFactory.build(rng, "Study Help", Layout.FORUM, Topic.ALGEBRA, List.of(MathMarkup.DELIMITED), true, lang, planted);
    Map<String, Object> m = SampleGenerator.manifest(url, url.replaceFirst("^https?://([^/]+).*$", "$1"), "FORUM", true, lang, p.expectedFormulas(), "page");
    m.put("formulas_exact", false);
    m.put("expect_decontam", expectDecontam);
    Map<String, Object> plantedInfo = new LinkedHashMap<>();
    plantedInfo.put("kind", "benchmark");
    plantedInfo.put("benchmark", benchmark);
    plantedInfo.put("item", item);
    plantedInfo.put("how", how);
    m.put("planted", plantedInfo);
    sink.accept(gen.capture(rng, url, utf8(p.html()), "text/html; charset=utf-8", 200, m));
  }

  private static String esc(String s) {
    return MathMarkup.escapeText(s);
  }

  // ------------------------------------------------------------------------------ broken and odd records

  static void broken(Rng rng, long maxBodyBytes, SampleGenerator gen, Consumer<Capture> sink) {
    String host = "https://odd-records.example.org";
    List<MathMarkup> delimited = List.of(MathMarkup.DELIMITED);

    // A gzip member cut short, and a WARC header without colons: unreadable regions.
    for (int i = 0; i < 3; i++) {
      Page p = PageFactory.build(rng, "Odd", Layout.BLOG, Topic.ALGEBRA, delimited, true, "en", null);
      sink.accept(gen.capture(rng, host + "/truncated-" + i, utf8(p.html()), "text/html; charset=utf-8", 200,
          expect(host + "/truncated-" + i, "warc/corrupt_record", "truncated gzip member")).withBroken(Capture.BrokenKind.TRUNCATED_GZIP));
    }
    for (int i = 0; i < 2; i++) {
      Page p = PageFactory.build(rng, "Odd", Layout.NEWS, Topic.NEWS, List.of(), true, "en", null);
      sink.accept(gen.capture(rng, host + "/garbled-" + i, utf8(p.html()), "text/html", 200,
          expect(host + "/garbled-" + i, "warc/corrupt_record", "WARC header lines without colons")).withBroken(Capture.BrokenKind.GARBLED_WARC_HEADER));
    }

    // An HTTP block that is not HTTP.
    Capture badHttp = gen.capture(rng, host + "/bad-http", new byte[0], Map.of(), 200, expect(host + "/bad-http", "warc/bad_http", "garbled status line"),
        Capture.BrokenKind.NONE);
    sink.accept(new Capture(badHttp.url(), badHttp.date(), badHttp.id(),
        "HTTP/1.1 two hundred OK\r\nContent-Type text/html\r\n\r\n<html><body><p>Hello</p></body></html>".getBytes(StandardCharsets.ISO_8859_1),
        badHttp.manifest(), Capture.BrokenKind.NONE));

    // A binary body that claims to be HTML.
    byte[] png = new byte[6000];
    for (int i = 0; i < png.length; i++) {
      png[i] = (byte) rng.between(0, 255);
    }
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
    sink.accept(gen.capture(rng, host + "/binary.html", png, "text/html", 200, expect(host + "/binary.html", "extract/binary_body", "PNG bytes served as text/html")));

    // Charsets: wrong declarations, none at all, a BOM, a meta tag only.
    String zh = chinesePage(rng, "一元二次方程的求根公式");
    sink.accept(charsetCase(gen, rng, host + "/zh-declared-utf8", zh.getBytes(Charset.forName("GBK")), "text/html; charset=utf-8",
        "一元二次方程的求根公式", "GBK bytes declared as UTF-8"));
    String fr = simplePage("La crème brûlée du café", "Une recette de crème brûlée, servie au café du coin, à déguster lentement.");
    sink.accept(charsetCase(gen, rng, host + "/fr-declared-latin1", utf8(fr), "text/html; charset=iso-8859-1",
        "crème brûlée", "UTF-8 bytes declared as ISO-8859-1"));
    String cp = simplePage("Café notes", "The café on the corner serves “proper” coffee — and crêpes — every morning, and the naïve tourists love it. "
        + "Déjà vu: the façade was repainted, the piñata is gone, and the crème fraîche is still the best in town.");
    sink.accept(charsetCase(gen, rng, host + "/cp1252-undeclared", cp.replace("<meta charset=\"utf-8\">", "").getBytes(Charset.forName("windows-1252")), "text/html",
        "café on the corner", "windows-1252 without any declaration"));
    String u16 = simplePage("UTF-16 page", "This page is encoded as UTF-16 little endian with a byte order mark, like some Windows tools save it.");
    byte[] u16Bytes = u16.replace("<meta charset=\"utf-8\">", "").getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[u16Bytes.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(u16Bytes, 0, withBom, 2, u16Bytes.length);
    sink.accept(charsetCase(gen, rng, host + "/utf16-bom", withBom, "text/html", "little endian with a byte order mark", "UTF-16LE with a BOM"));
    String gbMeta = chinesePage(rng, "勾股定理的证明").replace("<meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");
    sink.accept(charsetCase(gen, rng, host + "/zh-meta-gb2312", gbMeta.getBytes(Charset.forName("GBK")), "text/html", "勾股定理的证明",
        "GBK declared only in a meta tag"));

    // A page far over the body limit.
    StringBuilder huge = new StringBuilder((int) maxBodyBytes + 1_000_000);
    huge.append("<html><body>");
    while (huge.length() < maxBodyBytes + 500_000) {
      huge.append("<p>").append(TextForge.paragraph(Topic.NEWS, rng, 3)).append("</p>\n");
    }
    huge.append("</body></html>");
    sink.accept(gen.capture(rng, host + "/huge.html", utf8(huge.toString()), "text/html; charset=utf-8", 200,
        expect(host + "/huge.html", "warc/too_large", "body over the limit")));

    // Responses that are not HTML pages.
    String[][] notHtml = {
      {"/paper.pdf", "application/pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj<</Type/Catalog>>endobj\n"},
      {"/logo.png", "image/png", "\u0089PNG\r\n"},
      {"/api/items.json", "application/json", "{\"items\": [1, 2, 3]}"},
      {"/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n"},
      {"/static/site.css", "text/css", "body { margin: 0 }"},
    };
    for (String[] n : notHtml) {
      sink.accept(gen.capture(rng, host + n[0], n[2].getBytes(StandardCharsets.ISO_8859_1), n[1], 200,
          expect(host + n[0], "warc/not_html", n[1])));
    }
    Page xhtml = PageFactory.build(rng, "XHTML Notes", Layout.LECTURE_NOTES, Topic.CALCULUS, List.of(MathMarkup.MATHML_ALTTEXT), true, "en", null);
    Map<String, Object> xm = SampleGenerator.manifest(host + "/notes.xhtml", "odd-records.example.org", "LECTURE_NOTES", true, "en", xhtml.expectedFormulas(), "page");
    sink.accept(gen.capture(rng, host + "/notes.xhtml", utf8(xhtml.html()), "application/xhtml+xml", 200, xm));

    // Redirects and errors.
    sink.accept(gen.capture(rng, host + "/old-page", utf8("<html><body>Moved</body></html>"), "text/html", 301,
        expect(host + "/old-page", "warc/http_status", "301")));
    sink.accept(gen.capture(rng, host + "/missing", utf8(simplePage("Not found", "The page you asked for does not exist.")), "text/html", 404,
        expect(host + "/missing", "warc/http_status", "404")));

    // Nothing to extract: an empty body, and a page that is all boilerplate.
    sink.accept(gen.capture(rng, host + "/empty", new byte[0], "text/html", 200, expect(host + "/empty", "extract/empty_text", "empty body")));
    sink.accept(gen.capture(rng, host + "/only-chrome", utf8("<html><head><title>x</title><script>var a=1;</script></head><body>"
        + "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About us</a></li></ul></nav><footer>© 2024. All rights reserved.</footer></body></html>"),
        "text/html", 200, expect(host + "/only-chrome", "extract/empty_text", "navigation and footer only")));

    // A pathologically deep DOM.
    StringBuilder deep = new StringBuilder("<html><body>");
    deep.append("<div>".repeat(5000)).append("deep text").append("</div>".repeat(5000)).append("</body></html>");
    sink.accept(gen.capture(rng, host + "/deep.html", utf8(deep.toString()), "text/html", 200,
        expect(host + "/deep.html", "extract/dom_too_deep", "5000 nested divs")));

    // HTML without a Content-Type header, and HTML sent chunked and gzip-encoded.
    Page sniffed = PageFactory.build(rng, "No Type", Layout.BLOG, Topic.GEOMETRY, delimited, true, "en", null);
    sink.accept(gen.capture(rng, host + "/no-content-type", utf8(sniffed.html()), (String) null, 200,
        SampleGenerator.manifest(host + "/no-content-type", "odd-records.example.org", "BLOG", true, "en", sniffed.expectedFormulas(), "page")));
    Page encoded = PageFactory.build(rng, "Encoded", Layout.BLOG, Topic.PROBABILITY, List.of(MathMarkup.KATEX), true, "en", null);
    byte[] gz = gzip(utf8(encoded.html()));
    Capture enc = gen.capture(rng, host + "/chunked-gzip", Http.chunked(gz, 1000),
        SampleGenerator.ordered("Content-Type", "text/html; charset=utf-8", "Content-Encoding", "gzip", "Transfer-Encoding", "chunked"), 200,
        SampleGenerator.manifest(host + "/chunked-gzip", "odd-records.example.org", "BLOG", true, "en", encoded.expectedFormulas(), "page"),
        Capture.BrokenKind.NONE);
    sink.accept(enc);
  }

  private static Capture charsetCase(SampleGenerator gen, Rng rng, String url, byte[] body, String contentType, String mustContain, String note) {
    Map<String, Object> m = SampleGenerator.manifest(url, "odd-records.example.org", "CHARSET", false, mustContain.matches(".*[\\u4e00-\\u9fff].*") ? "zh" : "en",
        List.of(), "page");
    m.put("text_contains", mustContain);
    m.put("note", note);
    return gen.capture(rng, url, body, contentType, 200, m);
  }

  private static Map<String, Object> expect(String url, String outcome, String note) {
    Map<String, Object> m = SampleGenerator.manifest(url, url.replaceFirst("^https?://([^/]+).*$", "$1"), "ODD", false, "en", List.of(), outcome);
    m.put("note", note);
    return m;
  }

  private static String chinesePage(Rng rng, String title) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      body.append(TextForge.chineseSentence(rng));
    }
    return "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>" + title
        + "</h1><p>" + title + "：设方程为 ax²+bx+c=0，其中 a 不等于零。" + body + "</p></article></body></html>";
  }

  private static String simplePage(String title, String text) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>" + title
        + "</h1><p>" + text + "</p><p>" + text + "</p></article></body></html>";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

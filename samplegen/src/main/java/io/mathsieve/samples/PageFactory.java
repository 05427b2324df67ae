package io.mathsieve.samples;

import io.mathsieve.samples.MathMarkup.Rendered;
import io.mathsieve.samples.TextForge.FormulaSlot;
import io.mathsieve.samples.TextForge.Part;
import io.mathsieve.samples.TextForge.Text;
import io.mathsieve.samples.TextForge.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the HTML of one generated page: a site's boilerplate (cookie banner, navigation, sidebar,
 * share buttons, link lists, footer, scripts, styles) around main content of a given layout, with
 * math in a given markup. Records the text each formula should extract to.
 */
final class PageFactory {

  /** Strings that only occur in boilerplate: none may survive extraction. */
  static final List<String> BOILERPLATE_MARKERS =
      List.of(
          "We use cookies", "About us", "Popular posts", "Subscribe to our newsletter", "Share on Twitter",
          "All rights reserved", "Privacy policy", "More in this category", "Previous article", "gtag(");

  /** The main-content layout of a page. */
  enum Layout {
    FORUM, LECTURE_NOTES, BLOG, WIKI, JOURNAL, NEWS, SHOP, RECIPE, SPORTS, DOCS, TRAVEL, HOMEWORK
  }

  /** A built page: its HTML and what extraction should find in it. */
  record Page(String title, String html, List<String> expectedFormulas, boolean math, String lang) {}

  private final Rng rng;
  private final List<String> formulas = new ArrayList<>();
  private MathMarkup markup;

  private PageFactory(Rng rng) {
    this.rng = rng;
  }

  /**
   * Builds one page. {@code markups} are the math markups the site uses (one picked per formula);
   * {@code semantic} chooses HTML5 landmarks ({@code nav}, {@code footer}) or div soup with class names.
   */
  static Page build(
      Rng rng, String siteName, Layout layout, Topic topic, List<MathMarkup> markups, boolean semantic, String lang, String extraMain) {
    return new PageFactory(rng).page(siteName, layout, topic, markups, semantic, lang, extraMain);
  }

  private Page page(
      String siteName, Layout layout, Topic topic, List<MathMarkup> markups, boolean semantic, String lang, String extraMain) {
    boolean chinese = lang.equals("zh");
    String title = title(layout, topic, chinese);
    StringBuilder main = new StringBuilder();
    switch (layout) {
      case FORUM -> forum(main, title, markups, chinese);
      case LECTURE_NOTES -> lectureNotes(main, title, markups);
      case BLOG -> blog(main, title, topic, markups, chinese);
      case WIKI -> wiki(main, title, topic, markups);
      case JOURNAL -> journal(main, title, markups);
      case HOMEWORK -> homework(main, title);
      case SHOP -> shop(main, title);
      case RECIPE -> recipe(main, title);
      case DOCS -> docs(main, title);
      default -> article(main, title, topic, chinese);
    }
    if (extraMain != null) {
      main.append(extraMain);
    }
    String head = headExtras(markups);
    String html = wrap(siteName, title, head, main.toString(), semantic, lang, topic);
    return new Page(title, html, List.copyOf(formulas), topic.isMath(), lang);
  }

  // ---------------------------------------------------------------- main content layouts

  private void forum(StringBuilder out, String title, List<MathMarkup> markups, boolean chinese) {
    out.append("<div id=\"question\" class=\"question\"><h1 itemprop=\"name\">").append(esc(title)).append("</h1>");
    out.append("<div class=\"post-text\" itemprop=\"text\">");
    paragraphs(out, markups, rng.between(2, 3), chinese);
    out.append("</div><div class=\"post-taglist\"><a class=\"post-tag\" href=\"/tags/algebra\">algebra</a> ")
        .append("<a class=\"post-tag\" href=\"/tags/proof\">proof-writing</a></div>")
        .append("<div class=\"user-info\">asked <span class=\"relativetime\">")
        .append(rng.between(2, 11)).append(" years ago</span></div></div>");
    int answers = rng.between(1, 3);
    out.append("<h2>").append(answers).append(answers == 1 ? " Answer" : " Answers").append("</h2>");
    for (int i = 0; i < answers; i++) {
      out.append("<div class=\"answer\"><div class=\"votecell\"><span class=\"vote-count-post\">")
          .append(rng.between(0, 80)).append("</span></div><div class=\"post-text\">");
      paragraphs(out, markups, rng.between(1, 3), chinese);
      if (rng.chance(0.4)) {
        out.append("<blockquote><p>");
        inline(out, TextForge.mathParagraph(rng, 1, 0.9, chinese, this::nextFormula), markups);
        out.append("</p></blockquote>");
      }
      out.append("</div></div>");
    }
  }

  private void lectureNotes(StringBuilder out, String title, List<MathMarkup> markups) {
    out.append("<article class=\"notes\"><h1>").append(esc(title)).append("</h1>");
    int sections = rng.between(2, 4);
    for (int s = 1; s <= sections; s++) {
      out.append("<h2>").append(s).append(". ").append(rng.pick("Definitions", "Examples", "Main result", "Exercises", "Proof sketch"))
          .append("</h2>");
      paragraphs(out, markups, rng.between(1, 2), false);
      out.append("<p>");
      out.append(display(markups));
      out.append("</p>");
      if (rng.chance(0.5)) {
        out.append("<ol>");
        for (int i = rng.between(2, 4); i > 0; i--) {
          out.append("<li>");
          inline(out, TextForge.mathParagraph(rng, 1, 0.8, false, this::nextFormula), markups);
          out.append("</li>");
        }
        out.append("</ol>");
      }
    }
    out.append("</article>");
  }

  private void blog(StringBuilder out, String title, Topic topic, List<MathMarkup> markups, boolean chinese) {
    out.append("<article class=\"post\"><h1 class=\"entry-title\">").append(esc(title)).append("</h1>")
        .append("<p class=\"byline\">Posted on March ").append(rng.between(1, 28)).append(", 2024</p>");
    if (topic.isMath()) {
      paragraphs(out, markups, rng.between(3, 6), chinese);
      out.append("<p>").append(display(markups)).append("</p>");
      paragraphs(out, markups, rng.between(1, 3), chinese);
    } else {
      for (int i = rng.between(3, 6); i > 0; i--) {
        out.append("<p>").append(esc(chinese ? TextForge.chineseSentence(rng) + TextForge.chineseSentence(rng) : TextForge.paragraph(topic, rng, rng.between(2, 5)))).append("</p>");
      }
    }
    out.append("</article>");
  }

  private void wiki(StringBuilder out, String title, Topic topic, List<MathMarkup> markups) {
    out.append("<h1 id=\"firstHeading\" class=\"firstHeading\">").append(esc(title)).append("</h1>")
        .append("<div id=\"mw-content-text\" class=\"mw-body-content\"><div class=\"mw-parser-output\">");
    if (topic.isMath()) {
      out.append("<table class=\"infobox\"><tr><th>Field</th><td>").append(esc(rng.pick("Algebra", "Analysis", "Geometry")))
          .append("</td></tr><tr><th>Introduced</th><td>").append(rng.between(1650, 1950)).append("</td></tr></table>");
      paragraphs(out, markups, 2, false);
      out.append("<h2><span class=\"mw-headline\">Definition</span><span class=\"mw-editsection\">[<a href=\"#\">edit</a>]</span></h2>");
      paragraphs(out, markups, 2, false);
      out.append(display(markups));
    } else {
      for (int i = rng.between(3, 5); i > 0; i--) {
        out.append("<p>").append(esc(TextForge.paragraph(topic, rng, 3))).append("</p>");
      }
    }
    out.append("<div class=\"navbox\"><a href=\"/wiki/A\">Outline</a> · <a href=\"/wiki/B\">Index</a> · <a href=\"/wiki/C\">Portal</a> · <a href=\"/wiki/D\">Category</a></div>")
        .append("</div></div>");
  }

  private void journal(StringBuilder out, String title, List<MathMarkup> markups) {
    out.append("<article><h1 class=\"title\">").append(esc(title)).append("</h1><section class=\"abstract\"><h2>Abstract</h2><p>");
    inline(out, TextForge.mathParagraph(rng, 3, 0.6, false, this::nextFormula), markups);
    out.append("</p></section>");
    for (int s = 1; s <= rng.between(2, 3); s++) {
      out.append("<section><h2>").append(s).append(" ").append(rng.pick("Introduction", "Preliminaries", "Results", "Discussion")).append("</h2>");
      paragraphs(out, markups, rng.between(1, 3), false);
      out.append("<div class=\"equation\">").append(display(markups)).append("</div></section>");
    }
    out.append("</article>");
  }

  private void homework(StringBuilder out, String title) {
    TextForge.WordProblem p = TextForge.wordProblem(rng);
    out.append("<div class=\"qa\"><h1>").append(esc(title)).append("</h1><div class=\"question-body\"><p>")
        .append(esc(p.question())).append("</p></div><div class=\"answer-body\"><h3>Answer</h3><p>")
        .append(esc(p.answer().replace(" #### ", " Final answer: "))).append("</p>");
    // Some answers carry a tutor's remarks in the vocabulary of math writing; most are bare
    // arithmetic in plain words, which a classifier trained on LaTeX-heavy text tends to miss.
    if (rng.chance(0.35)) {
      out.append("<p>");
      for (TextForge.Part part : TextForge.mathParagraph(rng, rng.between(2, 4), 0.0, false, (r, d) -> null)) {
        out.append(esc(((TextForge.Text) part).text()));
      }
      out.append("</p>");
    }
    out.append("<p>Check: ").append(esc(MathForge.plainText(rng))).append("</p></div></div>");
  }

  private void shop(StringBuilder out, String title) {
    out.append("<div class=\"product\"><h1>").append(esc(title)).append("</h1><p class=\"price\">$")
        .append(rng.between(9, 199)).append(".99</p><p>").append(esc(TextForge.paragraph(Topic.SHOP, rng, 4)))
        .append("</p><table class=\"specs\"><tr><th>Weight</th><td>").append(rng.between(1, 9)).append(".")
        .append(rng.between(0, 9)).append(" kg</td></tr><tr><th>Warranty</th><td>").append(rng.between(1, 3))
        .append(" years</td></tr></table><h2>Reviews</h2>");
    for (int i = rng.between(1, 3); i > 0; i--) {
      out.append("<div class=\"review\"><p>").append(esc(TextForge.paragraph(Topic.SHOP, rng, 2))).append("</p></div>");
    }
    out.append("</div>");
  }

  private void recipe(StringBuilder out, String title) {
    out.append("<article class=\"recipe\"><h1>").append(esc(title)).append("</h1><p>")
        .append(esc(TextForge.paragraph(Topic.RECIPE, rng, 3))).append("</p><h2>Ingredients</h2><ul>");
    for (int i = rng.between(4, 8); i > 0; i--) {
      out.append("<li>").append(rng.between(1, 4)).append(" cups ").append(esc(rng.pick("flour", "milk", "rice", "stock", "water"))).append("</li>");
    }
    out.append("</ul><h2>Method</h2><ol>");
    for (int i = rng.between(3, 6); i > 0; i--) {
      out.append("<li>").append(esc(TextForge.sentence(Topic.RECIPE, rng))).append("</li>");
    }
    out.append("</ol></article>");
  }

  private void docs(StringBuilder out, String title) {
    out.append("<article class=\"doc\"><h1>").append(esc(title)).append("</h1><p>")
        .append(esc(TextForge.paragraph(Topic.DOCS, rng, 3))).append("</p><pre><code>$ npm install ")
        .append(rng.pick("fastqueue", "yaml-lite", "http-kit")).append("\n$ export PATH=$HOME/bin:$PATH\n</code></pre><p>")
        .append(esc(TextForge.paragraph(Topic.DOCS, rng, 3))).append(" It costs $0 to try and $")
        .append(rng.between(5, 50)).append(" a month after that.</p></article>");
  }

  private void article(StringBuilder out, String title, Topic topic, boolean chinese) {
    out.append("<article><h1>").append(esc(title)).append("</h1>");
    for (int i = rng.between(3, 7); i > 0; i--) {
      out.append("<p>").append(esc(chinese ? TextForge.chineseSentence(rng) + TextForge.chineseSentence(rng) + TextForge.chineseSentence(rng)
          : TextForge.paragraph(topic, rng, rng.between(2, 5)))).append("</p>");
    }
    out.append("</article>");
  }

  // ---------------------------------------------------------------- math

  private void paragraphs(StringBuilder out, List<MathMarkup> markups, int count, boolean chinese) {
    for (int i = 0; i < count; i++) {
      out.append("<p>");
      inline(out, TextForge.mathParagraph(rng, rng.between(2, 5), 0.5, chinese, this::nextFormula), markups);
      out.append("</p>");
    }
  }

  /** Renders text and formulas of a paragraph, choosing one of the site's markups for each formula. */
  private void inline(StringBuilder out, List<Part> parts, List<MathMarkup> markups) {
    for (Part part : parts) {
      if (part instanceof Text t) {
        out.append(esc(t.text()));
      } else if (part instanceof FormulaSlot f) {
        out.append(render(f, markups));
      }
    }
  }

  private String display(List<MathMarkup> markups) {
    return render(nextFormula(rng, true), markups);
  }

  private String render(FormulaSlot f, List<MathMarkup> markups) {
    markup = rng.pick(markups);
    FormulaSlot slot = f;
    if (markup.needsTree() && f.tree() == null) {
      MathNode tree = MathForge.tree(rng);
      slot = new FormulaSlot(tree.latex(), tree, f.display());
    }
    if (markup == MathMarkup.PLAIN) {
      slot = new FormulaSlot(MathForge.plainText(rng), null, false);
    }
    Rendered r = markup.render(slot, rng);
    if (markup != MathMarkup.PLAIN) {
      formulas.add(r.expected());
    }
    return r.html();
  }

  private FormulaSlot nextFormula(Rng r, boolean display) {
    if (r.chance(0.6)) {
      MathNode tree = MathForge.tree(r);
      return new FormulaSlot(tree.latex(), tree, display);
    }
    return new FormulaSlot(r.pick(MathForge.HANDWRITTEN), null, display);
  }

  private static String headExtras(List<MathMarkup> markups) {
    StringBuilder head = new StringBuilder();
    if (markups.contains(MathMarkup.TEX_SCRIPT) || markups.contains(MathMarkup.DELIMITED) || markups.contains(MathMarkup.BBCODE)) {
      head.append("<script type=\"text/x-mathjax-config\">MathJax.Hub.Config({tex2jax: {inlineMath: [['$','$'], ['\\\\(','\\\\)']]}});</script>")
          .append("<script src=\"https://cdn.jsdelivr.net/npm/mathjax@2/MathJax.js?config=TeX-AMS_HTML\"></script>");
    }
    if (markups.contains(MathMarkup.KATEX) || markups.contains(MathMarkup.WP_KATEX)) {
      head.append("<link rel=\"stylesheet\" href=\"https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.css\">");
    }
    return head.toString();
  }

  // ---------------------------------------------------------------- page chrome

  private String wrap(String siteName, String title, String head, String main, boolean semantic, String lang, Topic topic) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(title)).append(" - ").append(esc(siteName)).append("</title>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n<style>\nbody{font-family:Georgia,serif;margin:0}\n.sidebar{float:right;width:")
        .append(rng.between(200, 320)).append("px}\n.cookie-banner{position:fixed;bottom:0}\n</style>\n")
        .append(head)
        .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-")
        .append(Integer.toHexString(siteName.hashCode()).toUpperCase()).append("');</script>\n")
        .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"headline\":\"")
        .append(esc(title).replace("\"", "'")).append("\"}</script>\n</head>\n<body>\n");
    html.append("<div id=\"cookie-consent\" class=\"cookie-banner\">We use cookies to improve your experience on our site. <a href=\"/privacy\">Learn more</a> <button>Accept all</button></div>\n");
    String navLinks =
        "<ul><li><a href=\"/\">Home</a></li><li><a href=\"/topics\">Topics</a></li><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li></ul>";
    if (semantic) {
      html.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(esc(siteName)).append("</a><nav class=\"main-nav\">")
          .append(navLinks).append("</nav></header>\n");
    } else {
      html.append("<div id=\"header\"><div class=\"logo\"><a href=\"/\">").append(esc(siteName)).append("</a></div><div class=\"menu\">")
          .append(navLinks).append("</div></div>\n");
    }
    html.append("<div class=\"container\">\n").append(semantic ? "<main id=\"content\">" : "<div id=\"content\">")
        .append(main).append(semantic ? "</main>\n" : "</div>\n");
    StringBuilder sidebar = new StringBuilder("<h3>Popular posts</h3><ul>");
    for (int i = 0; i < 5; i++) {
      sidebar.append("<li><a href=\"/p/").append(rng.between(100, 999)).append("\">")
          .append(esc(title(topic.isMath() ? Layout.BLOG : Layout.NEWS, topic, lang.equals("zh")))).append("</a></li>");
    }
    sidebar.append("</ul><div class=\"newsletter\">Subscribe to our newsletter <input type=\"email\"><button>Go</button></div>");
    html.append(semantic ? "<aside class=\"sidebar\">" + sidebar + "</aside>" : "<div id=\"sidebar\" class=\"widget-area\">" + sidebar + "</div>")
        .append("\n</div>\n");
    html.append("<div class=\"share-buttons\"><a href=\"https://twitter.com/share\">Share on Twitter</a> <a href=\"https://facebook.com/share\">Share on Facebook</a></div>\n");
    html.append("<div class=\"more-links\"><a href=\"/category\">More in this category</a> | <a href=\"/prev\">Previous article</a> | <a href=\"/next\">Next article</a></div>\n");
    String footer = "<p>© 2024 " + esc(siteName) + ". All rights reserved.</p><ul><li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of use</a></li></ul>";
    html.append(semantic ? "<footer class=\"site-footer\">" + footer + "</footer>" : "<div id=\"footer\">" + footer + "</div>");
    html.append("\n<script src=\"/static/app.js\"></script>\n</body>\n</html>\n");
    return html.toString();
  }

  private String title(Layout layout, Topic topic, boolean chinese) {
    if (chinese) {
      return topic.isMath() ? rng.pick("一道函数题", "三角形的角度问题", "数列求和", "不等式证明", "方程的解法") + "（" + rng.between(1, 999) + "）"
          : rng.pick("城市新闻", "周末生活", "美食推荐", "交通消息") + "：" + TextForge.chineseSentence(rng).substring(0, 6);
    }
    return switch (layout) {
      case FORUM -> rng.pick("Why is", "How to prove that", "Is it true that", "Understanding why", "Question about why") + " every "
          + rng.pick("bounded", "continuous", "finite", "symmetric", "monotone") + " " + rng.pick("sequence", "function", "matrix", "group", "series")
          + " is " + rng.pick("convergent", "integrable", "diagonalizable", "abelian", "summable") + "?";
      case LECTURE_NOTES -> "Lecture " + rng.between(1, 30) + ": " + rng.pick("Limits", "Derivatives", "Series", "Eigenvalues", "Integrals", "Congruences");
      case JOURNAL -> "On the " + rng.pick("growth", "distribution", "stability", "structure") + " of " + rng.pick("prime gaps", "random matrices", "Fourier coefficients", "lattice points");
      case HOMEWORK -> "Homework help: " + rng.pick("speed problem", "money problem", "area problem", "percent problem", "marbles problem") + " #" + rng.between(100, 9999);
      case SHOP -> rng.pick("Classic", "Pro", "Ultra", "Everyday") + " " + rng.pick("backpack", "desk lamp", "coffee grinder", "rain jacket");
      case RECIPE -> rng.pick("Easy", "Weeknight", "Grandma's", "Rustic") + " " + rng.pick("lemon cake", "chickpea curry", "tomato soup", "banana bread");
      case DOCS -> "Configuring the " + rng.pick("scheduler", "cache", "router", "worker pool");
      default -> topic.isMath()
          ? rng.pick("A neat proof of", "Notes on", "Thinking about", "Revisiting") + " " + rng.pick("the AM-GM inequality", "Fermat's little theorem", "the Cauchy-Schwarz inequality", "partial fractions", "eigenvalues")
          : TextForge.sentence(topic, rng).replaceAll("[.]$", "");
    };
  }

  static String esc(String s) {
    return MathMarkup.escapeText(s);
  }
}

package io.mathsieve.extract.html;

import io.mathsieve.extract.html.TextBuilder.Kind;
import io.mathsieve.extract.math.LatexImages;
import io.mathsieve.extract.math.MathMlToLatex;
import io.mathsieve.schemas.FormulaCounts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Turns a parsed HTML document into readable text that keeps every formula as LaTeX, exactly once.
 *
 * <pre>{@code
 * <p>Since <script type="math/tex">x^2 \geq 0</script> for all real
 *    <span class="katex">...<annotation encoding="application/x-tex">x</annotation>...</span>.</p>
 *   gives  "Since $x^2 \geq 0$ for all real $x$."
 * }</pre>
 *
 * <p>Math markup handled (each formula counted by kind in {@link FormulaCounts}):
 * <ul>
 *   <li>MathJax {@code <script type="math/tex">} ({@code ; mode=display} gives {@code $$..$$}); the
 *       preview and rendered copies MathJax leaves in saved pages are dropped;
 *   <li>KaTeX: the {@code application/x-tex} annotation; the {@code katex-html} rendering is dropped;
 *   <li>MathML {@code <math>}: {@code alttext}, else the TeX annotation, else {@link MathMlToLatex};
 *   <li>Wikipedia {@code mwe-math-element}: one copy, {@code {\displaystyle ..}} unwrapped, the
 *       fallback image dropped;
 *   <li>LaTeX images ({@link LatexImages}), WordPress {@code span.wp-katex-eq};
 *   <li>TeX the page already delimited ({@code $..$}, {@code \(..\)}...) stays verbatim and is
 *       counted; forum {@code [tex]..[/tex]} becomes {@code $..$}.
 * </ul>
 * Boilerplate ({@link Boilerplate}), scripts, styles and link-dense blocks are dropped; headings,
 * paragraphs, lists ({@code - item}, {@code 1. item}), tables ({@code a | b}) and {@code pre} blocks
 * become plain text with line breaks. Edge cases: a DOM deeper than the limit, or a walk past the
 * deadline, throws {@link ExtractionLimitException}; the walk is iterative, so depth cannot
 * overflow the stack.
 */
public final class MathAwareTextExtractor {
  // Selectors parsed once, not per element (each parse costs more than the search it serves).
  private static final Evaluator MATH = QueryParser.parse("math");
  private static final Evaluator IMG_WITH_ALT = QueryParser.parse("img[alt]");
  private static final Evaluator MEDIAWIKI_DISPLAY = QueryParser.parse(".mwe-math-mathml-display, .mwe-math-fallback-image-display");

  private static final int DEADLINE_CHECK_INTERVAL = 512;
  /** Text shorter than this from the main content sends the extraction back to the whole body (trafilatura's minimum size). */
  static final int MIN_CONTENT_CHARS = 250;

  private final int maxDomDepth;
  private final double linkDensity;
  private final int langIdChars;

  public MathAwareTextExtractor(int maxDomDepth, double linkDensity, int langIdChars) {
    this.maxDomDepth = maxDomDepth;
    this.linkDensity = linkDensity;
    this.langIdChars = langIdChars;
  }

  /** Extracts {@code doc}; {@code deadlineNanos} is a {@link System#nanoTime()} value. */
  public ExtractedText extract(Document doc, long deadlineNanos) {
    MainContent.Selection main = MainContent.select(body(doc));
    ExtractedText content = new Walk(doc, deadlineNanos, main, false).run();
    if (content.text().length() >= MIN_CONTENT_CHARS) {
      return content;
    }
    // Too little came out: the whole body again, with only the structural chrome rules.
    ExtractedText whole = new Walk(doc, deadlineNanos, MainContent.Selection.none(main.stats()), true).run();
    return whole.text().length() > content.text().length() ? whole : content;
  }

  private static Element body(Document doc) {
    return doc.body() != null ? doc.body() : doc;
  }

  /** One extraction: the state of a single walk over one document. */
  private final class Walk {
    private final Document doc;
    private final long deadline;
    private final TextBuilder text = new TextBuilder(linkDensity);
    private int texScript;
    private int katex;
    private int wpKatex;
    private int mathml;
    private int mathmlConverted;
    private int wikiMath;
    private int latexImage;
    private boolean mathMarkup;
    private int visited;
    private Map<Element, MainContent.Stat> stats = Map.of();
    private int rootChars;
    /** The selection was made without unlikely candidates (comments, sidebars): leave them out of the text too. */
    private boolean skipUnlikely;
    private final int[] listCounters = new int[256];
    private int listDepth;

    private final MainContent.Selection main;
    /** Only the structural chrome rules: no conditional cleaning, unlikely candidates kept. */
    private final boolean lenient;

    Walk(Document doc, long deadline, MainContent.Selection main, boolean lenient) {
      this.doc = doc;
      this.deadline = deadline;
      this.main = main;
      this.lenient = lenient;
    }

    ExtractedText run() {
      Element body = body(doc);
      detectLoaders(doc.head());
      stats = main.stats();
      skipUnlikely = main.withoutUnlikely() && !lenient;
      List<Element> roots = main.isEmpty() ? List.of(body) : main.elements();
      for (Element root : roots) {
        MainContent.Stat rs = stats.get(root);
        rootChars = rs == null ? 0 : rs.chars - rs.linkChars;
        walk(root);
      }
      StringBuilder lang = new StringBuilder(Math.min(langIdChars, 4096));
      String out = text.finish(lang, langIdChars);
      FormulaCounts counts =
          new FormulaCounts(texScript, katex, wpKatex, mathml, mathmlConverted, wikiMath, latexImage, text.bbcodeFormulas(), text.delimitedFormulas());
      boolean anyMath = mathMarkup || counts.total() > 0;
      return new ExtractedText(doc.title().strip(), out, lang.toString(), counts, anyMath, text.droppedBlocks());
    }

    private void walk(Element root) {
      Node node = root;
      int depth = 0;
      while (node != null) {
        boolean descend = enter(node, depth);
        if (descend && node.childNodeSize() > 0) {
          node = node.childNode(0);
          depth++;
          continue;
        }
        if (descend) {
          exit(node);
        }
        while (node != root && node.nextSibling() == null) {
          node = node.parentNode();
          depth--;
          exit(node);
        }
        if (node == root) {
          break;
        }
        node = node.nextSibling();
      }
    }

    /** Handles a node on the way down; returns whether to visit its children. */
    private boolean enter(Node node, int depth) {
      if (depth > maxDomDepth) {
        throw new ExtractionLimitException(ExtractionLimitException.Limit.DOM_DEPTH, "deeper than " + maxDomDepth + " elements");
      }
      if (++visited % DEADLINE_CHECK_INTERVAL == 0 && System.nanoTime() > deadline) {
        throw new ExtractionLimitException(ExtractionLimitException.Limit.TIME, "after " + visited + " nodes");
      }
      if (node instanceof TextNode t) {
        text.text(t.getWholeText());
        return false;
      }
      if (!(node instanceof Element e)) {
        return false; // comments, data nodes, doctype
      }
      String name = MathMlToLatex.localName(e);
      if (handledAsMath(e, name)) {
        return false;
      }
      switch (name) {
        case "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "select", "option",
            "button", "input", "textarea", "head", "title", "meta", "link", "video", "audio", "map", "img", "picture", "source" -> {
          return false;
        }
        default -> {}
      }
      MainContent.Stat st = stats.get(e); // one look-up per element for all the rules below
      if ((Boilerplate.isBoilerplate(e, name) || skipUnlikely && unlikely(st) || fishy(e, st) || caption(name, st)) && !holdsMostText(e, st)) {
        return false;
      }
      switch (name) {
        case "br" -> text.lineBreak();
        case "a" -> text.enterLink();
        case "pre" -> {
          text.openBlock(Kind.PARAGRAPH, null);
          text.enterPre();
          text.enterVerbatim();
        }
        case "code", "kbd", "samp", "tt" -> text.enterVerbatim();
        case "h1", "h2", "h3", "h4", "h5", "h6" -> text.openBlock(Kind.HEADING, null);
        case "ul", "ol", "dl" -> {
          if (listDepth < listCounters.length) {
            listCounters[listDepth] = name.equals("ol") ? 1 : 0;
          }
          listDepth++;
          text.openBlock(Kind.PARAGRAPH, null);
        }
        case "li" -> text.openBlock(Kind.LINE, listMarker());
        case "tr", "dt", "dd" -> text.openBlock(Kind.LINE, null);
        case "td", "th" -> text.cellSeparator();
        case "hr" -> text.openBlock(Kind.PARAGRAPH, null);
        default -> {
          if (isBlock(name)) {
            text.openBlock(Kind.PARAGRAPH, null);
          }
        }
      }
      return true;
    }

    /** Handles a node on the way up, after its children. */
    private void exit(Node node) {
      if (!(node instanceof Element e)) {
        return;
      }
      String name = MathMlToLatex.localName(e);
      switch (name) {
        case "a" -> text.exitLink();
        case "pre" -> {
          text.exitVerbatim();
          text.closeBlock();
          text.exitPre();
        }
        case "code", "kbd", "samp", "tt" -> text.exitVerbatim();
        case "ul", "ol", "dl" -> {
          listDepth--;
          text.closeBlock();
        }
        case "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "dt", "dd", "hr" -> text.closeBlock();
        default -> {
          if (isBlock(name)) {
            text.closeBlock();
          }
        }
      }
    }

    /** No rule may drop an element that holds most of the text outside links being extracted: that is the content itself. */
    private boolean holdsMostText(Element e, MainContent.Stat st) {
      if (rootChars <= 0) {
        return false;
      }
      if (st == null) {
        // an inline element (counted with its block): measured only now, as it is about to be dropped
        return MainContent.isInline(e.normalName()) && e.text().length() > rootChars / 2;
      }
      return st.chars - st.linkChars > rootChars / 2;
    }

    /** A block of the main content that looks like chrome by Readability's conditional rules, and holds no formula. */
    private boolean fishy(Element e, MainContent.Stat st) {
      return !lenient && st != null && st.formulas == 0 && MainContent.fishy(e, st);
    }

    /** A figure caption without formulas: a photo credit or description, not the article's text. */
    private boolean caption(String name, MainContent.Stat st) {
      if (lenient || !name.equals("figcaption")) {
        return false;
      }
      return st == null || st.formulas == 0;
    }

    /** An unlikely candidate without formulas. */
    private boolean unlikely(MainContent.Stat st) {
      return st != null && st.unlikely && st.formulas == 0;
    }

    private String listMarker() {
      String indent = "  ".repeat(Math.max(0, listDepth - 1));
      if (listDepth > 0 && listDepth <= listCounters.length && listCounters[listDepth - 1] > 0) {
        return indent + (listCounters[listDepth - 1]++) + ". ";
      }
      return indent + "- ";
    }

    // ---------------------------------------------------------------- math

    /** Emits the formula {@code e} stands for, if it is math markup; returns whether it was. */
    private boolean handledAsMath(Element e, String name) {
      if (name.equals("script")) {
        String type = e.attr("type").toLowerCase(Locale.ROOT);
        if (type.startsWith("math/tex")) {
          mathMarkup = true;
          if (!e.data().isBlank()) {
            texScript++;
            text.formula(e.data(), type.contains("mode=display"));
          }
          return true;
        }
        String src = e.attr("src").toLowerCase(Locale.ROOT);
        if (type.contains("mathjax") || src.contains("mathjax") || src.contains("katex")) {
          mathMarkup = true;
        }
        return false;
      }
      if (name.equals("math")) {
        mathMarkup = true;
        mathml(e, isDisplay(e));
        return true;
      }
      if (name.equals("mjx-container")) {
        mathMarkup = true;
        Element math = e.selectFirst(MATH);
        if (math != null) {
          mathml(math, "true".equals(e.attr("display")) || isDisplay(math));
        }
        return true;
      }
      if (name.equals("img")) {
        Optional<String> tex = LatexImages.latexOf(e);
        if (tex.isPresent()) {
          mathMarkup = true;
          latexImage++;
          text.formula(tex.get(), isDisplayImage(e) || LatexImages.isDisplayAlt(e));
          return true;
        }
        return false;
      }
      if (e.attributesSize() == 0 || !e.hasAttr("class")) {
        return false;
      }
      String cls = e.className();
      if (cls.contains("MathJax") || cls.contains("MJX")) {
        mathMarkup = true; // a rendered copy; the source is in the script element that follows
        return true;
      }
      if (hasClass(cls, "katex")) {
        mathMarkup = true;
        Element annotation = texAnnotation(e);
        Element math = annotation == null ? e.selectFirst(MATH) : null;
        String tex = annotation != null ? annotation.text() : math == null ? flattenedKatexTex(e) : null;
        if (tex != null) {
          katex++;
          text.formula(tex, hasClass(e.parent() == null ? "" : e.parent().className(), "katex-display"));
        } else if (math != null) {
          mathml(math, false);
        }
        return true;
      }
      if (hasClass(cls, "mwe-math-element")) {
        mathMarkup = true;
        Element math = e.selectFirst(MATH);
        String tex = null;
        if (math != null) {
          tex = math.attr("alttext");
          if (tex.isBlank()) {
            Element annotation = texAnnotation(math);
            tex = annotation == null ? MathMlToLatex.convert(math) : annotation.text();
          }
        } else {
          Element img = e.selectFirst(IMG_WITH_ALT);
          tex = img == null ? null : img.attr("alt");
        }
        if (tex != null && !tex.isBlank()) {
          wikiMath++;
          boolean display = e.selectFirst(MEDIAWIKI_DISPLAY) != null;
          text.formula(unwrapDisplaystyle(tex), display);
        }
        return true;
      }
      if (hasClass(cls, "wp-katex-eq")) {
        mathMarkup = true;
        if (!e.text().isBlank()) {
          wpKatex++;
          text.formula(e.text(), "true".equals(e.attr("data-display")));
        }
        return true;
      }
      return false;
    }

    private void mathml(Element math, boolean display) {
      String tex = math.attr("alttext");
      boolean converted = false;
      if (tex.isBlank()) {
        Element annotation = texAnnotation(math);
        if (annotation != null) {
          tex = annotation.text();
        } else {
          tex = MathMlToLatex.convert(math);
          converted = true;
        }
      }
      if (!tex.isBlank()) {
        mathml++;
        if (converted) {
          mathmlConverted++;
        }
        text.formula(unwrapDisplaystyle(tex), display);
      }
    }

    private void detectLoaders(Element head) {
      if (head == null) {
        return;
      }
      for (Element e : head.children()) {
        String n = e.normalName();
        if ((n.equals("script") && (e.attr("src").toLowerCase(Locale.ROOT).contains("mathjax")
                || e.attr("src").toLowerCase(Locale.ROOT).contains("katex") || e.attr("type").toLowerCase(Locale.ROOT).contains("mathjax")))
            || (n.equals("link") && e.attr("href").toLowerCase(Locale.ROOT).contains("katex"))) {
          mathMarkup = true;
        }
      }
    }
  }

  /**
   * The TeX of a KaTeX span whose MathML lost its tags (CSDN's sanitiser does this): the
   * {@code katex-mathml} span then holds the MathML leaves as text, one per line with blank lines
   * between them, and the annotation's TeX last. TeX math cannot hold a blank line (it would be a
   * paragraph break), so the last block after a blank line is the whole source, line breaks and
   * all. Null when there is no such span or it holds elements.
   */
  static String flattenedKatexTex(Element katex) {
    Element mathml = null;
    for (Element c = katex.firstElementChild(); c != null; c = c.nextElementSibling()) {
      if (hasClass(c.className(), "katex-mathml")) {
        mathml = c;
        break;
      }
    }
    if (mathml == null || mathml.childrenSize() > 0) {
      return null;
    }
    String whole = mathml.wholeText().strip();
    String[] blocks = whole.split("\\n[ \\t\\u00a0]*\\n");
    String tex = blocks[blocks.length - 1].strip();
    return tex.isEmpty() ? null : tex;
  }

  private static Element texAnnotation(Element e) {
    for (Element a : e.getElementsByTag("annotation")) {
      String enc = a.attr("encoding").toLowerCase(Locale.ROOT);
      if (enc.contains("tex")) {
        return a;
      }
    }
    return null;
  }

  private static boolean isDisplay(Element math) {
    return "block".equalsIgnoreCase(math.attr("display")) || "display".equalsIgnoreCase(math.attr("mode"));
  }

  private static boolean isDisplayImage(Element img) {
    Element p = img.parent();
    if (p != null && p.normalName().equals("p") && p.parent() != null && p.parent().normalName().equals("div") && p.parent().hasClass("math")) {
      return true; // Sphinx imgmath's display math: <div class="math"><p><img class="math" ...></p></div>
    }
    return p != null && p.childrenSize() == 1 && p.normalName().equals("p") && p.ownText().isBlank()
        && p.attr("style").replace(" ", "").contains("text-align:center");
  }

  /** Wikipedia writes {@code {\displaystyle x^2}}: the braces and the command are noise for a corpus. */
  static String unwrapDisplaystyle(String tex) {
    String t = tex.strip();
    for (String command : new String[] {"\\displaystyle", "\\textstyle"}) {
      if (t.startsWith("{" + command) && t.endsWith("}")) {
        String inner = t.substring(command.length() + 1, t.length() - 1).strip();
        if (balanced(inner)) {
          return inner;
        }
      }
      if (t.startsWith(command + " ")) {
        return t.substring(command.length()).strip();
      }
    }
    return t;
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  private static boolean hasClass(String classes, String token) {
    int i = classes.indexOf(token);
    while (i >= 0) {
      int end = i + token.length();
      boolean startOk = i == 0 || Character.isWhitespace(classes.charAt(i - 1));
      boolean endOk = end == classes.length() || Character.isWhitespace(classes.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      i = classes.indexOf(token, i + 1);
    }
    return false;
  }

  private static boolean isBlock(String name) {
    return switch (name) {
      case "p", "div", "section", "article", "main", "blockquote", "figure", "figcaption", "address", "details", "summary",
          "table", "thead", "tbody", "tfoot", "caption", "center", "form", "fieldset", "legend", "header", "footer", "hgroup",
          "body", "dir", "noframes", "output" -> true;
      default -> false;
    };
  }
}

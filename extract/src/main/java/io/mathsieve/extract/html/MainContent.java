package io.mathsieve.extract.html;

import io.mathsieve.extract.math.LatexImages;
import io.mathsieve.extract.math.TexDelimiters;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the main content of a page: the element, and the siblings next to it, that hold the
 * article, as Mozilla Readability decides it, with a guard for formulas.
 *
 * <pre>{@code
 * <body><nav>Home | News | Sport</nav>
 *   <div class="story"><p>First paragraph, long enough, with commas, ...</p><p>Second ...</p></div>
 *   <div class="related"><a>Other story</a> <a>Another</a></div></body>
 *   selects  [div.story]
 * }</pre>
 *
 * <p>How: one post-order pass counts, for every element, its text chars, link chars and commas
 * (scripts, styles and hidden elements count for nothing). Every paragraph-like element ({@code p},
 * {@code pre}, {@code td}, headings below {@code h1}, and blocks with no block children) of at least
 * {@value #MIN_PARAGRAPH_CHARS} chars scores {@code 1 + commas + min(chars/100, 3)}, given in full
 * to its parent, half to its grandparent and a third per level above to the ancestors beyond. An
 * ancestor starts from a score by tag ({@code div} +5, lists and forms -3, ...) and by class and id
 * words ({@code content}, {@code article}, {@code post} +25; {@code comment}, {@code sidebar},
 * {@code related} -25), and its total is scaled by its share of text outside links. The best
 * candidate is taken, and its siblings join it when they score within a fifth of it or are plain
 * paragraphs with few links. Unlikely candidates (class or id naming comments, sidebars, menus ...) are left
 * out of the scoring unless the first selection comes out short.
 *
 * <p>Edge cases: a page with no paragraph gives no selection; so does one whose formulas are not
 * all inside the selection (a math page whose formulas a sidebar or a comment thread also holds
 * keeps its whole body, minus chrome), and one where the selection holds less than a fifth of the
 * page's text outside links. The caller then extracts the whole body.
 */
final class MainContent {
  static final int MIN_PARAGRAPH_CHARS = 25;
  /** Below this many chars, a selection made without unlikely candidates is retried with them. */
  static final int SHORT_SELECTION_CHARS = 500;
  /** A selection holding less than this share of the body's text outside links is not trusted. */
  static final double MIN_SHARE_OF_PAGE = 0.2;

  private MainContent() {}

  /** The chosen elements, in document order; empty when the whole body should be extracted. */
  record Selection(List<Element> elements, int chars, Map<Element, Stat> stats, boolean withoutUnlikely) {
    static Selection none(Map<Element, Stat> stats) {
      return new Selection(List.of(), 0, stats, false);
    }

    boolean isEmpty() {
      return elements.isEmpty();
    }
  }

  /** Every counted element's {@link Stat}, looked up by identity, and the same in document order. */
  static final class Stats extends IdentityHashMap<Element, Stat> {
    final List<Element> elements = new ArrayList<>();
    final List<Stat> inOrder = new ArrayList<>();

    Stats() {
      super(512);
    }
  }

  /** What the counting pass knows of one element. */
  static final class Stat {
    int chars;
    int linkChars;
    int commas;
    int formulas;
    /** Text outside links and outside unlikely descendants. */
    int likelyChars;
    int unlikelyInside;
    boolean unlikely;
    /** An ancestor below the root is unlikely. */
    boolean underUnlikely;
    int paragraphs;
    int images;
    int listItems;
    int listChars;
    int inputs;
    int embeds;
    double score;
    boolean candidate;

    double linkDensity() {
      return chars == 0 ? 0 : linkChars / (double) chars;
    }
  }

  static Selection select(Element body) {
    Stats stats = count(body);
    Stat page = stats.get(body);
    if (page == null || page.chars == 0) {
      return Selection.none(stats);
    }
    Selection s = select(body, stats, true);
    boolean wholeBody = s.elements().size() == 1 && s.elements().get(0) == body;
    if (s.chars() < SHORT_SELECTION_CHARS || wholeBody) {
      Selection relaxed = select(body, stats, false);
      boolean relaxedWhole = relaxed.elements().size() == 1 && relaxed.elements().get(0) == body;
      if (relaxed.chars() > s.chars() || (wholeBody && !relaxedWhole && relaxed.chars() >= SHORT_SELECTION_CHARS)) {
        s = relaxed;
      }
    }
    if (s.isEmpty()) {
      return s;
    }
    int formulasInside = 0;
    int nonLinkInside = 0;
    for (Element e : s.elements()) {
      Stat st = stats.get(e);
      formulasInside += st.formulas;
      nonLinkInside += st.chars - st.linkChars;
    }
    if (formulasInside < page.formulas) {
      return Selection.none(stats);
    }
    if (nonLinkInside < MIN_SHARE_OF_PAGE * page.likelyChars) {
      return Selection.none(stats);
    }
    return s;
  }

  static Selection select(Element body, Stats stats, boolean skipUnlikely) {
    for (Stat st : stats.values()) {
      st.score = 0;
      st.candidate = false;
    }
    List<Element> candidates = new ArrayList<>();
    // Document order, not the map's identity-hash order: ties between candidates must go the same way every run.
    for (int i = 0; i < stats.elements.size(); i++) {
      Element p = stats.elements.get(i);
      Stat st = stats.inOrder.get(i);
      if (st.chars < MIN_PARAGRAPH_CHARS || (skipUnlikely && (st.unlikely || st.underUnlikely)) || !isParagraph(p)) {
        continue;
      }
      double score = 1 + st.commas + Math.min(st.chars / 100.0, 3);
      int level = 0;
      for (Element a = p.parent(); a != null && level < 5; a = a.parent()) {
        Stat as = stats.get(a);
        if (as == null) {
          continue; // an inline wrapper, or above the body
        }
        if (!as.candidate) {
          as.candidate = true;
          as.score = initialScore(a);
          candidates.add(a);
        }
        as.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
        level++;
        if (a == body) {
          break;
        }
      }
    }
    Element top = null;
    double topScore = 0;
    for (Element c : candidates) {
      Stat st = stats.get(c);
      st.score *= 1 - st.linkDensity();
      if (top == null || st.score > topScore) {
        top = c;
        topScore = st.score;
      }
    }
    if (top == null) {
      return Selection.none(stats);
    }
    top = widen(top, topScore, candidates, stats, body);
    Stat ts = stats.get(top);
    if (top == body || top.parent() == null) {
      return new Selection(List.of(top), ts.chars, stats, skipUnlikely);
    }
    double chosenScore = ts.candidate ? ts.score : topScore;
    double threshold = Math.max(10, chosenScore * 0.2);
    List<Element> chosen = new ArrayList<>();
    int chars = 0;
    for (Element sibling : top.parent().children()) {
      Stat st = stats.get(sibling);
      if (st == null) {
        continue;
      }
      boolean include = sibling == top;
      if (!include && st.candidate && !st.unlikely) {
        double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? chosenScore * 0.2 : 0;
        include = st.score + bonus >= threshold;
      }
      if (!include && sibling.normalName().equals("p") && !st.unlikely) {
        double density = st.linkDensity();
        include = st.chars > 80 && density < 0.25 || st.chars > 0 && st.chars <= 80 && density == 0 && endsSentence(sibling);
      }
      if (include) {
        chosen.add(sibling);
        chars += st.chars;
      }
    }
    return new Selection(chosen, chars, stats, skipUnlikely);
  }

  /**
   * Readability's three ways up from the best candidate: to the ancestor that also holds at least
   * three of the other near-best candidates (content split into sections); to a parent that scores
   * higher, climbing while parents keep a third of the score; and out of single-child wrappers.
   */
  private static Element widen(Element top, double topScore, List<Element> candidates, Map<Element, Stat> stats, Element body) {
    List<Element> near = new ArrayList<>();
    candidates.stream()
        .filter(c -> c != top && stats.get(c).score >= 0.75 * topScore)
        .sorted((a, b) -> Double.compare(stats.get(b).score, stats.get(a).score))
        .limit(4)
        .forEach(near::add);
    Element chosen = top;
    if (near.size() >= 3) {
      for (Element a = top.parent(); a != null && a != body; a = a.parent()) {
        if (!stats.containsKey(a)) {
          continue;
        }
        int inside = 0;
        for (Element c : near) {
          if (isAncestor(a, c)) {
            inside++;
          }
        }
        if (inside >= 3) {
          chosen = a;
          break;
        }
      }
    }
    double last = stats.get(chosen).score;
    double floor = last / 3;
    for (Element p = chosen.parent(); p != null && p != body; p = p.parent()) {
      Stat ps = stats.get(p);
      if (ps == null || !ps.candidate) {
        continue;
      }
      if (ps.score < floor) {
        break;
      }
      if (ps.score > last) {
        chosen = p;
        break;
      }
      last = ps.score;
    }
    while (chosen.parent() != null && chosen.parent() != body && chosen.parent().childrenSize() == 1 && stats.containsKey(chosen.parent())) {
      chosen = chosen.parent();
    }
    return chosen;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * One post-order pass: text, link text, commas and formulas of every block element under
   * {@code root}. Inline elements ({@code a}, {@code span}, {@code b}, {@code img} ...), most of a
   * page's elements, get no entry of their own: what they hold counts for the block around them,
   * and text inside a link counts as link text.
   */
  static Stats count(Element root) {
    Stats stats = new Stats();
    List<Stat> stack = new ArrayList<>();
    List<Element> owners = new ArrayList<>();
    int linkDepth = 0;
    Node node = root;
    while (node != null) {
      boolean descend = false;
      if (node instanceof Element e) {
        if (skipped(e)) {
          if (!stack.isEmpty()) {
            countSkipped(e, stack.get(stack.size() - 1));
          }
        } else if (e != root && isLandmarkChrome(e)) {
          // nav, aside, footer ...: never content and never extracted, so neither counted
        } else {
          String name = e.normalName();
          int formulas = formulasOf(e);
          descend = formulas == 0 && e.childNodeSize() > 0;
          if (e != root && isInline(name)) {
            Stat block = stack.get(stack.size() - 1);
            block.formulas += formulas;
            if (name.equals("img")) {
              block.images++;
            } else if (descend && name.equals("a")) {
              linkDepth++;
            }
          } else {
            Stat st = new Stat();
            st.unlikely = e != root && Boilerplate.unlikelyCandidate(e);
            if (!stack.isEmpty()) {
              Stat parent = stack.get(stack.size() - 1);
              st.underUnlikely = parent.unlikely || parent.underUnlikely;
            }
            st.formulas = formulas;
            if (name.equals("p")) {
              st.paragraphs = 1;
            } else if (name.equals("li")) {
              st.listItems = 1;
            }
            stats.put(e, st);
            stats.elements.add(e);
            stats.inOrder.add(st);
            stack.add(st);
            owners.add(e);
            if (!descend) {
              finish(stack, owners);
            }
          }
        }
      } else if (node instanceof TextNode t && !stack.isEmpty()) {
        addText(t.getWholeText(), stack.get(stack.size() - 1), linkDepth > 0);
      }
      if (descend) {
        node = node.childNode(0);
        continue;
      }
      while (node != root && node.nextSibling() == null) {
        node = node.parentNode();
        if (node instanceof Element up) {
          if (!owners.isEmpty() && owners.get(owners.size() - 1) == up) {
            finish(stack, owners);
          } else if (up.normalName().equals("a")) {
            linkDepth--;
          }
        }
      }
      if (node == root) {
        if (!owners.isEmpty() && owners.get(owners.size() - 1) == root) {
          finish(stack, owners);
        }
        break;
      }
      node = node.nextSibling();
    }
    return stats;
  }

  /** Pops the top block and adds its counts to the block around it. */
  private static void finish(List<Stat> stack, List<Element> owners) {
    Element e = owners.remove(owners.size() - 1);
    Stat st = stack.remove(stack.size() - 1);
    if (e.normalName().equals("li")) {
      st.listChars = st.chars;
    }
    st.likelyChars = st.unlikely ? 0 : Math.max(0, st.chars - st.linkChars - st.unlikelyInside);
    if (!stack.isEmpty()) {
      Stat parent = stack.get(stack.size() - 1);
      parent.unlikelyInside += st.unlikely ? st.chars - st.linkChars : st.unlikelyInside;
      parent.chars += st.chars;
      parent.linkChars += st.linkChars;
      parent.commas += st.commas;
      parent.formulas += st.formulas;
      parent.paragraphs += st.paragraphs;
      parent.images += st.images;
      parent.listItems += st.listItems;
      parent.listChars += st.listChars;
      parent.inputs += st.inputs;
      parent.embeds += st.embeds;
    }
  }

  private static void addText(String s, Stat st, boolean inLink) {
    int chars = 0;
    int commas = 0;
    boolean texMarks = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c != '\u00a0' && (c < 0x80 || !Character.isWhitespace(c))) {
        chars++;
      }
      if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
        commas++;
      } else if (c == '$' || c == '\\' || c == '[') {
        texMarks = true;
      }
    }
    st.chars += chars;
    if (inLink) {
      st.linkChars += chars;
    }
    st.commas += commas;
    if (texMarks) {
      // TeX the page wrote, by the rules the text builder counts with
      st.formulas += TexDelimiters.count(s) + (TexDelimiters.nextBbcode(s, 0) != null ? 1 : 0);
    }
  }

  /** Phrasing elements: they never hold a page's structure, so they get no entry of their own. */
  static boolean isInline(String name) {
    return switch (name) {
      case "a", "span", "b", "i", "em", "strong", "u", "s", "small", "big", "sup", "sub", "font", "abbr", "acronym", "cite", "q", "time",
          "mark", "label", "code", "kbd", "samp", "tt", "var", "img", "br", "wbr", "bdi", "bdo", "ins", "del", "dfn", "nobr", "strike" -> true;
      default -> false;
    };
  }

  /** Structural chrome the walk always drops ({@code nav}, {@code aside}, {@code footer}, a site {@code header} ...). */
  private static boolean isLandmarkChrome(Element e) {
    return switch (e.normalName()) {
      case "nav", "aside", "menu", "footer", "dialog", "header" -> Boilerplate.isBoilerplate(e, e.normalName());
      default -> false;
    };
  }

  private static void countSkipped(Element e, Stat parent) {
    switch (e.normalName()) {
      case "input", "select", "textarea", "button" -> parent.inputs++;
      case "iframe", "object", "embed" -> parent.embeds++;
      default -> {}
    }
  }

  /**
   * Readability's conditional cleaning, for a block inside the content: a form, table, list or
   * division is dropped when its class names chrome, or, with fewer than ten commas, when it is
   * mostly images, more list items than paragraphs (outside a list), more inputs than a third of
   * its paragraphs, tiny, link-heavy, or an embed with little text.
   */
  static boolean fishy(Element e, Stat st) {
    String name = e.normalName();
    switch (name) {
      case "div", "section", "ul", "ol", "table", "form", "fieldset" -> {}
      default -> {
        return false;
      }
    }
    if (name.equals("table") && isDataTable(e)) {
      return false;
    }
    int weight = Boilerplate.classWeight(e);
    if (weight < 0) {
      return true;
    }
    if (st.commas >= 10) {
      return false;
    }
    boolean list = name.equals("ul") || name.equals("ol") || st.chars > 0 && st.listChars > 0.9 * st.chars;
    double density = st.linkDensity();
    return st.images > 1 && st.paragraphs / (double) st.images < 0.5 && !insideFigure(e)
        || !list && st.listItems - 100 > st.paragraphs
        || st.inputs > st.paragraphs / 3
        || !list && st.chars < 25 && (st.images == 0 || st.images > 2) && !insideFigure(e)
        || !list && weight < 25 && density > 0.2
        || weight >= 25 && density > 0.5
        || st.embeds == 1 && st.chars < 75
        || st.embeds > 1;
  }

  /**
   * Readability's data-table test: a table with a caption, header cells or {@code thead}, or of at
   * least ten rows, more than four columns or more than ten cells, holds data rather than layout.
   */
  static boolean isDataTable(Element table) {
    if ("presentation".equals(table.attr("role"))) {
      return false;
    }
    int rows = 0;
    int columns = 0;
    for (Element row : table.getElementsByTag("tr")) {
      rows++;
      int cells = 0;
      for (Element cell : row.children()) {
        String n = cell.normalName();
        if (n.equals("th")) {
          return true;
        }
        if (n.equals("td")) {
          cells++;
        }
      }
      columns = Math.max(columns, cells);
    }
    if (!table.getElementsByTag("caption").isEmpty() || !table.getElementsByTag("thead").isEmpty()) {
      return true;
    }
    return rows >= 10 || columns > 4 || rows * columns > 10;
  }

  private static boolean insideFigure(Element e) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a.normalName().equals("figure")) {
        return true;
      }
    }
    return false;
  }

  /** Elements whose content is never text: the walk skips them too. */
  private static boolean skipped(Element e) {
    return switch (e.normalName()) {
      case "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "select", "option", "button",
          "input", "textarea", "head", "title", "meta", "link", "video", "audio", "map", "picture", "source" -> !isMathScript(e);
      default -> e.attributesSize() > 0 && (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.normalName().equals("math"));
    };
  }

  private static boolean isMathScript(Element e) {
    return e.normalName().equals("script") && e.attr("type").toLowerCase(Locale.ROOT).startsWith("math/tex");
  }

  /** Formulas an element stands for by itself (its children are then not counted). */
  private static int formulasOf(Element e) {
    String name = e.normalName();
    if (name.equals("math") || name.equals("mjx-container") || isMathScript(e)) {
      return 1;
    }
    if (name.equals("img")) {
      return LatexImages.latexOf(e).isPresent() ? 1 : 0;
    }
    if (e.attributesSize() > 0) {
      String cls = e.attributes().get("class"); // the HTML parser lower-cases attribute names
      if (!cls.isEmpty() && (cls.contains("katex") || cls.contains("mwe-math-element") || cls.contains("wp-katex-eq"))) {
        return 1;
      }
    }
    return 0;
  }

  private static boolean isParagraph(Element e) {
    switch (e.normalName()) {
      case "p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "li" -> {
        return true;
      }
      case "div", "section", "article", "main" -> {
        for (Element c = e.firstElementChild(); c != null; c = c.nextElementSibling()) { // no list: this runs for most blocks
          if (isBlockChild(c.normalName())) {
            return false;
          }
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean isBlockChild(String name) {
    return switch (name) {
      case "p", "div", "section", "article", "main", "table", "ul", "ol", "dl", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
          "figure", "header", "footer", "nav", "aside", "form", "li", "select", "img" -> true;
      default -> false;
    };
  }

  private static double initialScore(Element e) {
    double s = switch (e.normalName()) {
      case "div", "article", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return s + Boilerplate.classWeight(e);
  }

  private static boolean endsSentence(Element p) {
    String t = p.text().strip();
    return !t.isEmpty() && ".!?。！？".indexOf(t.charAt(t.length() - 1)) >= 0;
  }
}

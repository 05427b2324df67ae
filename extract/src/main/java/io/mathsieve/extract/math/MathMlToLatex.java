package io.mathsieve.extract.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Presentation MathML to LaTeX, for {@code <math>} elements that carry neither {@code alttext} nor a
 * TeX annotation.
 *
 * <pre>{@code
 * <math><mfrac><mi>a</mi><mn>2</mn></mfrac><mo>≤</mo><msqrt><mi>x</mi></msqrt></math>
 *   gives  \frac{a}{2}\leq\sqrt{x}
 * }</pre>
 *
 * <p>Handles token elements ({@code mi}, {@code mn}, {@code mo}, {@code mtext}, {@code ms}) with
 * Unicode symbols mapped to commands and {@code mathvariant} to {@code \mathbb}, {@code \mathbf}...;
 * {@code mfrac}, {@code msqrt}, {@code mroot}, {@code msup}, {@code msub}, {@code msubsup},
 * {@code munder}, {@code mover}, {@code munderover} (accents such as {@code \hat} and
 * {@code \overline}, limits of big operators), {@code mmultiscripts}, {@code mtable} as a
 * {@code matrix}, {@code mfenced}, {@code menclose}; {@code semantics} keeps its first child and
 * annotations are ignored. Spaces are only inserted where a control word would otherwise run into a
 * letter. Recursion depth is bounded: nesting beyond {@link #MAX_DEPTH} is cut.
 */
public final class MathMlToLatex {
  /** Nesting deeper than this is not converted (a guard against hostile input). */
  static final int MAX_DEPTH = 64;

  private MathMlToLatex() {}

  /** The LaTeX for a {@code <math>} element (or any MathML element). */
  public static String convert(Element math) {
    StringBuilder out = new StringBuilder();
    children(math, out, 0);
    return out.toString().trim();
  }

  private static void element(Element e, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    String name = localName(e);
    switch (name) {
      case "mi" -> append(out, identifier(e));
      case "mn" -> append(out, UnicodeMath.toLatex(e.text()));
      case "mo" -> append(out, operator(e.text()));
      case "mtext" -> {
        String t = e.wholeText().replaceAll("\\s+", " ").replace("{", "\\{").replace("}", "\\}");
        if (!t.isBlank()) {
          append(out, "\\text{" + t + "}");
        }
      }
      case "ms" -> append(out, "\\text{\"" + e.text() + "\"}");
      case "mspace", "mphantom", "annotation", "annotation-xml", "none", "mprescripts", "malignmark", "maligngroup" -> {}
      case "semantics" -> {
        Element first = e.firstElementChild();
        if (first != null && !localName(first).startsWith("annotation")) {
          element(first, out, depth + 1);
        }
      }
      case "mfrac" -> {
        List<String> a = args(e, depth, 2);
        if ("0".equals(e.attr("linethickness")) || "0pt".equals(e.attr("linethickness"))) {
          append(out, "{" + a.get(0) + " \\atop " + a.get(1) + "}");
        } else {
          append(out, "\\frac{" + a.get(0) + "}{" + a.get(1) + "}");
        }
      }
      case "msqrt" -> append(out, "\\sqrt{" + row(e, depth) + "}");
      case "mroot" -> {
        List<String> a = args(e, depth, 2);
        append(out, "\\sqrt[" + a.get(1) + "]{" + a.get(0) + "}");
      }
      case "msup" -> {
        List<String> a = args(e, depth, 2);
        append(out, base(e, a.get(0)) + "^{" + a.get(1) + "}");
      }
      case "msub" -> {
        List<String> a = args(e, depth, 2);
        append(out, base(e, a.get(0)) + "_{" + a.get(1) + "}");
      }
      case "msubsup" -> {
        List<String> a = args(e, depth, 3);
        append(out, base(e, a.get(0)) + "_{" + a.get(1) + "}^{" + a.get(2) + "}");
      }
      case "munder" -> {
        List<String> a = args(e, depth, 2);
        append(out, under(a.get(0), a.get(1), e));
      }
      case "mover" -> {
        List<String> a = args(e, depth, 2);
        append(out, over(a.get(0), a.get(1), e));
      }
      case "munderover" -> {
        List<String> a = args(e, depth, 3);
        if (UnicodeMath.BIG_OPERATORS.contains(a.get(0))) {
          append(out, a.get(0) + "_{" + a.get(1) + "}^{" + a.get(2) + "}");
        } else {
          append(out, "\\overset{" + a.get(2) + "}{\\underset{" + a.get(1) + "}{" + a.get(0) + "}}");
        }
      }
      case "mmultiscripts" -> multiscripts(e, out, depth);
      case "mtable" -> table(e, out, depth);
      case "mfenced" -> {
        String open = e.hasAttr("open") ? e.attr("open") : "(";
        String close = e.hasAttr("close") ? e.attr("close") : ")";
        String separators = e.hasAttr("separators") ? e.attr("separators").replace(" ", "") : ",";
        append(out, operator(open));
        int i = 0;
        for (Element child : e.children()) {
          if (i > 0 && !separators.isEmpty()) {
            append(out, operator(String.valueOf(separators.charAt(Math.min(i - 1, separators.length() - 1)))));
          }
          element(child, out, depth + 1);
          i++;
        }
        append(out, operator(close));
      }
      case "menclose" -> {
        String inner = row(e, depth);
        String notation = e.attr("notation");
        if (notation.contains("box") || notation.contains("roundedbox")) {
          append(out, "\\boxed{" + inner + "}");
        } else if (notation.contains("updiagonalstrike")) {
          append(out, "\\cancel{" + inner + "}");
        } else {
          append(out, inner);
        }
      }
      case "maction" -> {
        Element first = e.firstElementChild();
        if (first != null) {
          element(first, out, depth + 1);
        }
      }
      default -> children(e, out, depth); // math, mrow, mstyle, mpadded, merror and unknown elements
    }
  }

  private static void children(Element e, StringBuilder out, int depth) {
    for (Element child : e.children()) {
      element(child, out, depth + 1);
    }
  }

  /** The LaTeX of an element's children as one row. */
  private static String row(Element e, int depth) {
    StringBuilder out = new StringBuilder();
    children(e, out, depth);
    return out.toString();
  }

  /** The LaTeX of the first {@code n} children of a fixed-arity element; missing ones are empty. */
  private static List<String> args(Element e, int depth, int n) {
    List<String> out = new ArrayList<>(n);
    for (Element child : e.children()) {
      if (out.size() == n) {
        break;
      }
      StringBuilder b = new StringBuilder();
      element(child, b, depth + 1);
      out.add(b.toString());
    }
    while (out.size() < n) {
      out.add("");
    }
    return out;
  }

  /** A script base of several items gets braces so that {@code x y^2} stays {@code {xy}^{2}}. */
  private static String base(Element script, String base) {
    Element first = script.firstElementChild();
    if (first != null && localName(first).equals("mrow") && first.childrenSize() > 1) {
      Element open = first.firstElementChild();
      boolean fenced = open != null && localName(open).equals("mo") && "([{|⟨".contains(open.text().trim());
      if (!fenced) {
        return "{" + base + "}";
      }
    }
    return base;
  }

  private static String identifier(Element mi) {
    String text = mi.text().trim();
    String variant = mi.attr("mathvariant").toLowerCase(Locale.ROOT);
    if (text.length() > 1 && text.codePointCount(0, text.length()) > 1) {
      if (UnicodeMath.FUNCTIONS.contains(text)) {
        return "\\" + text;
      }
      if (text.chars().allMatch(Character::isLetter) && variant.isEmpty()) {
        return "\\mathrm{" + text + "}";
      }
    }
    String latex = UnicodeMath.toLatex(text);
    return switch (variant) {
      case "double-struck" -> "\\mathbb{" + latex + "}";
      case "bold" -> "\\mathbf{" + latex + "}";
      case "script", "bold-script" -> "\\mathcal{" + latex + "}";
      case "fraktur", "bold-fraktur" -> "\\mathfrak{" + latex + "}";
      case "sans-serif" -> "\\mathsf{" + latex + "}";
      case "monospace" -> "\\mathtt{" + latex + "}";
      case "normal" -> latex.length() == 1 && Character.isLetter(latex.charAt(0)) ? "\\mathrm{" + latex + "}" : latex;
      default -> latex;
    };
  }

  private static String operator(String text) {
    String t = text.trim();
    return switch (t) {
      case "(", ")", "[", "]", "|", "+", "=", "<", ">", ",", ";", ":", "!", "/", "'", "." -> t;
      case "{" -> "\\{";
      case "}" -> "\\}";
      default -> UnicodeMath.FUNCTIONS.contains(t) ? "\\" + t : UnicodeMath.toLatex(t);
    };
  }

  private static String over(String base, String mark, Element e) {
    String command =
        switch (mark) {
          case "^", "\\hat", "ˆ", "\u0302" -> "\\hat";
          case "~", "\\sim", "˜", "\u0303" -> "\\tilde";
          case "¯", "‾", "\u0305", "_", "-", "\u0304" -> base.length() == 1 ? "\\bar" : "\\overline";
          case "\\to", "\u20d7" -> "\\vec";
          case "˙", "\u0307", "." -> "\\dot";
          case "¨", "\u0308" -> "\\ddot";
          case "⏞", "\ufe37" -> "\\overbrace";
          case "ˇ", "\u030c" -> "\\check";
          default -> null;
        };
    if (command != null) {
      return command + "{" + base + "}";
    }
    if (UnicodeMath.BIG_OPERATORS.contains(base)) {
      return base + "^{" + mark + "}";
    }
    return "\\overset{" + mark + "}{" + base + "}";
  }

  private static String under(String base, String mark, Element e) {
    switch (mark) {
      case "_", "\u0332", "¯", "‾" -> {
        return "\\underline{" + base + "}";
      }
      case "⏟", "\ufe38" -> {
        return "\\underbrace{" + base + "}";
      }
      default -> {}
    }
    if (UnicodeMath.BIG_OPERATORS.contains(base)) {
      return base + "_{" + mark + "}";
    }
    return "\\underset{" + mark + "}{" + base + "}";
  }

  private static void multiscripts(Element e, StringBuilder out, int depth) {
    List<Element> kids = e.children();
    if (kids.isEmpty()) {
      return;
    }
    StringBuilder post = new StringBuilder();
    StringBuilder pre = new StringBuilder();
    boolean prescripts = false;
    for (int i = 1; i < kids.size(); i++) {
      Element k = kids.get(i);
      if (localName(k).equals("mprescripts")) {
        prescripts = true;
        continue;
      }
      if (i + 1 > kids.size()) {
        break;
      }
      StringBuilder sub = new StringBuilder();
      element(k, sub, depth + 1);
      StringBuilder sup = new StringBuilder();
      if (i + 1 < kids.size()) {
        element(kids.get(i + 1), sup, depth + 1);
      }
      StringBuilder target = prescripts ? pre : post;
      if (sub.length() > 0) {
        target.append("_{").append(sub).append('}');
      }
      if (sup.length() > 0) {
        target.append("^{").append(sup).append('}');
      }
      i++;
    }
    if (pre.length() > 0) {
      append(out, "{}" + pre);
    }
    StringBuilder b = new StringBuilder();
    element(kids.get(0), b, depth + 1);
    append(out, b + post.toString());
  }

  private static void table(Element e, StringBuilder out, int depth) {
    StringBuilder t = new StringBuilder("\\begin{matrix}");
    boolean firstRow = true;
    for (Element row : e.children()) {
      String rowName = localName(row);
      if (!rowName.equals("mtr") && !rowName.equals("mlabeledtr")) {
        continue;
      }
      if (!firstRow) {
        t.append("\\\\");
      }
      firstRow = false;
      boolean firstCell = true;
      boolean skipLabel = rowName.equals("mlabeledtr");
      for (Element cell : row.children()) {
        if (skipLabel) {
          skipLabel = false;
          continue;
        }
        if (!firstCell) {
          t.append('&');
        }
        firstCell = false;
        StringBuilder c = new StringBuilder();
        children(cell, c, depth + 1);
        t.append(c);
      }
    }
    append(out, t.append("\\end{matrix}").toString());
  }

  /** Appends a fragment, with a space only where a control word would run into a following letter. */
  static void append(StringBuilder out, String next) {
    if (next.isEmpty()) {
      return;
    }
    if (endsWithControlWord(out) && Character.isLetter(next.charAt(0))) {
      out.append(' ');
    }
    out.append(next);
  }

  private static boolean endsWithControlWord(CharSequence s) {
    int i = s.length() - 1;
    if (i < 0 || !isAsciiLetter(s.charAt(i))) {
      return false;
    }
    while (i >= 0 && isAsciiLetter(s.charAt(i))) {
      i--;
    }
    return i >= 0 && s.charAt(i) == '\\' && (i == 0 || s.charAt(i - 1) != '\\');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Element name without a namespace prefix ({@code m:mi} is {@code mi}), lower case. */
  public static String localName(Element e) {
    String n = e.normalName();
    int colon = n.indexOf(':');
    return colon >= 0 ? n.substring(colon + 1) : n;
  }
}

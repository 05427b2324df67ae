package io.mathsieve.samples;

import io.mathsieve.samples.TextForge.FormulaSlot;
import java.nio.charset.StandardCharsets;

/**
 * The ways real pages write math, each rendering a formula to HTML the way the real tool does, and
 * saying which text a math-aware extractor should give back for it.
 */
enum MathMarkup {
  /** MathJax v2 {@code <script type="math/tex">}, sometimes saved after rendering (preview + rendered twins). */
  TEX_SCRIPT,
  /** TeX delimiters in the page text, for MathJax/KaTeX auto-render: {@code \(..\)}, {@code $..$}, {@code \[..\]}, {@code $$..$$}. */
  DELIMITED,
  /** KaTeX server-side output: MathML with a TeX annotation plus an aria-hidden HTML rendering. */
  KATEX,
  /** MathML with an {@code alttext} attribute. */
  MATHML_ALTTEXT,
  /** MathML with a {@code semantics/annotation[encoding=application/x-tex]}. */
  MATHML_ANNOTATION,
  /** Bare presentation MathML, to be converted to LaTeX. */
  MATHML_PLAIN,
  /** Images rendered by latex.php (WordPress), codecogs or mimetex.cgi, LaTeX in alt text or URL. */
  LATEX_IMAGE,
  /** WordPress KaTeX plugin shortcode output, {@code span.wp-katex-eq}. */
  WP_KATEX,
  /** Forum BBCode: {@code [tex]..[/tex]}, {@code [latex]..[/latex]}, {@code [math]..[/math]}. */
  BBCODE,
  /** Wikipedia's {@code mwe-math-element}: hidden MathML plus a fallback SVG image with the same alt text. */
  WIKI,
  /** Math written as plain text, no markup at all. */
  PLAIN;

  /** Whether formulas in this markup need a formula tree (MathML must be generated from one). */
  boolean needsTree() {
    return this == MATHML_PLAIN;
  }

  /** A rendered formula: the HTML to put in the page and the text extraction should produce. */
  record Rendered(String html, String expected) {}

  Rendered render(FormulaSlot f, Rng rng) {
    String tex = f.latex();
    String inline = f.display() ? "$$" + tex + "$$" : "$" + tex + "$";
    return switch (this) {
      case TEX_SCRIPT -> {
        String type = f.display() ? "math/tex; mode=display" : "math/tex";
        String script = "<script type=\"" + type + "\">" + tex + "</script>";
        if (rng.chance(0.5)) {
          // Saved after MathJax ran: a preview and a rendered copy sit before the source.
          String glyphs = glyphs(tex);
          String rendered =
              f.display()
                  ? "<div class=\"MathJax_Display\" role=\"presentation\"><span class=\"MathJax\" id=\"MathJax-Element-"
                      + rng.between(1, 999) + "-Frame\"><nobr><span class=\"math\">" + glyphs + "</span></nobr></span></div>"
                  : "<span class=\"MathJax\" id=\"MathJax-Element-" + rng.between(1, 999)
                      + "-Frame\" role=\"presentation\"><nobr><span class=\"math\">" + glyphs + "</span></nobr></span>";
          script = "<span class=\"MathJax_Preview\">" + glyphs + "</span>" + rendered + script;
        }
        yield new Rendered(script, inline);
      }
      case DELIMITED -> {
        String written;
        if (f.display()) {
          written = rng.chance(0.5) ? "\\[" + tex + "\\]" : "$$" + tex + "$$";
        } else {
          written = rng.chance(0.5) ? "\\(" + tex + "\\)" : "$" + tex + "$";
        }
        yield new Rendered(escapeText(written), written);
      }
      case KATEX -> {
        String html =
            "<span class=\"katex\"><span class=\"katex-mathml\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics>"
                + treeOrStub(f) + "<annotation encoding=\"application/x-tex\">" + escapeText(tex)
                + "</annotation></semantics></math></span><span class=\"katex-html\" aria-hidden=\"true\"><span class=\"base\">"
                + "<span class=\"strut\" style=\"height:0.8141em;\"></span>" + glyphs(tex) + "</span></span></span>";
        yield new Rendered(f.display() ? "<span class=\"katex-display\">" + html + "</span>" : html, inline);
      }
      case MATHML_ALTTEXT -> new Rendered(
          "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"" + (f.display() ? "block" : "inline")
              + "\" alttext=\"" + escapeAttribute(tex) + "\">" + treeOrStub(f) + "</math>",
          inline);
      case MATHML_ANNOTATION -> new Rendered(
          "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"" + (f.display() ? " display=\"block\"" : "") + "><semantics>"
              + treeOrStub(f) + "<annotation encoding=\"application/x-tex\">" + escapeText(tex) + "</annotation></semantics></math>",
          inline);
      case MATHML_PLAIN -> new Rendered(
          "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"" + (f.display() ? " display=\"block\"" : "") + ">"
              + f.tree().mathml() + "</math>",
          inline);
      case LATEX_IMAGE -> {
        int style = rng.between(0, 2);
        String html =
            switch (style) {
              case 0 -> "<img src=\"https://s0.wp.com/latex.php?latex=" + java.net.URLEncoder.encode(tex, StandardCharsets.UTF_8)
                  + "&#038;bg=ffffff&#038;fg=000000&#038;s=0&#038;c=20201002\" alt=\"" + escapeAttribute(tex)
                  + "\" title=\"" + escapeAttribute(tex) + "\" class=\"latex\" />";
              case 1 -> "<img src=\"https://latex.codecogs.com/png.latex?" + urlEncode(tex) + "\" alt=\"\" border=\"0\" />";
              default -> "<img src=\"/cgi-bin/mimetex.cgi?" + urlEncode(tex) + "\" alt=\"" + escapeAttribute(tex)
                  + "\" align=\"middle\">";
            };
        yield new Rendered(f.display() ? "<p style=\"text-align:center\">" + html + "</p>" : html, inline);
      }
      case WP_KATEX -> new Rendered(
          "<span class=\"wp-katex-eq" + (f.display() ? " katex-display" : "") + "\" data-display=\"" + f.display() + "\">"
              + escapeText(tex) + "</span>",
          inline);
      case BBCODE -> {
        String tag = rng.pick("tex", "tex", "latex", "math");
        yield new Rendered(escapeText("[" + tag + "]" + tex + "[/" + tag + "]"), inline);
      }
      case WIKI -> {
        String kind = f.display() ? "display" : "inline";
        String alt = "{\\displaystyle " + tex + "}";
        String html =
            "<span class=\"mwe-math-element\"><span class=\"mwe-math-mathml-" + kind
                + " mwe-math-mathml-a11y\" style=\"display: none;\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\""
                + escapeAttribute(alt) + "\"><semantics><mrow class=\"MJX-TeXAtom-ORD\"><mstyle displaystyle=\"true\" scriptlevel=\"0\">"
                + treeOrStub(f) + "</mstyle></mrow><annotation encoding=\"application/x-tex\">" + escapeText(alt)
                + "</annotation></semantics></math></span><img src=\"https://wikimedia.org/api/rest_v1/media/math/render/svg/"
                + Integer.toHexString(tex.hashCode()) + "\" class=\"mwe-math-fallback-image-" + kind
                + "\" aria-hidden=\"true\" style=\"vertical-align: -0.838ex; width:12.5ex; height:2.843ex;\" alt=\""
                + escapeAttribute(alt) + "\"></span>";
        yield new Rendered(f.display() ? "<dl><dd>" + html + "</dd></dl>" : html, inline);
      }
      case PLAIN -> new Rendered(escapeText(tex), tex);
    };
  }

  private static String treeOrStub(FormulaSlot f) {
    return f.tree() != null ? "<mrow>" + f.tree().mathml() + "</mrow>" : "<mrow><mi>x</mi></mrow>";
  }

  /** What a renderer leaves behind as text: the letters and digits of the formula, run together. */
  private static String glyphs(String tex) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c == '\\') {
        while (i + 1 < tex.length() && Character.isLetter(tex.charAt(i + 1))) {
          i++;
        }
        continue;
      }
      if (Character.isLetterOrDigit(c) || c == '+' || c == '=') {
        out.append("<span class=\"mord\">").append(c).append("</span>");
      }
    }
    return out.toString();
  }

  static String escapeText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String escapeAttribute(String s) {
    return escapeText(s).replace("\"", "&quot;");
  }

  /** Percent-encodes like LaTeX image services expect: spaces as %20, {@code +} and {@code ^} kept. */
  static String urlEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~+^()".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }
}

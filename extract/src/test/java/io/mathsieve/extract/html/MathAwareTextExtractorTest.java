package io.mathsieve.extract.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.schemas.FormulaCounts;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MathAwareTextExtractorTest {
  private final MathAwareTextExtractor extractor = new MathAwareTextExtractor(256, 0.5, 2000);

  private ExtractedText extract(String html) {
    return extractor.extract(Jsoup.parse(html, "https://example.org/"), Long.MAX_VALUE);
  }

  private String text(String bodyHtml) {
    return extract("<html><body>" + bodyHtml + "</body></html>").text();
  }

  // MathJax v2 script: inline becomes $..$, mode=display becomes $$..$$ on its own line; '<' stays raw.
  @Test
  void mathjaxScripts() {
    ExtractedText t = extract("<p>Since <script type=\"math/tex\">a < b</script> we get"
        + "<script type=\"math/tex; mode=display\">\\sum_{i} x_i</script> done.</p>");
    assertThat(t.text()).isEqualTo("Since $a < b$ we get\n$$\\sum_{i} x_i$$\ndone.");
    assertThat(t.formulas().texScript()).isEqualTo(2);
  }

  // A page saved after MathJax ran: the preview and the rendered copy are dropped, the source kept once.
  @Test
  void mathjaxRenderedTwinsDropped() {
    String t = text("<p>Let <span class=\"MathJax_Preview\">x2</span><span class=\"MathJax\" id=\"MathJax-Element-1-Frame\">"
        + "<nobr><span class=\"math\"><span class=\"mi\">x</span><span class=\"mn\">2</span></span></nobr></span>"
        + "<script type=\"math/tex\" id=\"MathJax-Element-1\">x^2</script> be given.</p>");
    assertThat(t).isEqualTo("Let $x^2$ be given.");
  }

  // TeX the page delimits itself is kept verbatim (entities decoded, never escaped) and counted.
  @Test
  void delimitersKeptVerbatim() {
    ExtractedText t = extract("<html><body><p>Show \\(a &lt; b\\) and $x_1$, then\n$$\\int_0^1 f$$ and \\[y = 2\\].</p></body></html>");
    assertThat(t.text()).isEqualTo("Show \\(a < b\\) and $x_1$, then $$\\int_0^1 f$$ and \\[y = 2\\].");
    assertThat(t.formulas().delimited()).isEqualTo(4);
  }

  // KaTeX: the TeX annotation, once; the aria-hidden katex-html rendering is dropped; katex-display means $$.
  @Test
  void katex() {
    String inline = "<span class=\"katex\"><span class=\"katex-mathml\"><math><semantics><mrow><mi>x</mi></mrow>"
        + "<annotation encoding=\"application/x-tex\">x^{2}</annotation></semantics></math></span>"
        + "<span class=\"katex-html\" aria-hidden=\"true\"><span class=\"mord\">x</span><span class=\"mord\">2</span></span></span>";
    ExtractedText t = extract("<html><body><p>Square " + inline + " and</p><p><span class=\"katex-display\">" + inline + "</span></p></body></html>");
    assertThat(t.text()).isEqualTo("Square $x^{2}$ and\n\n$$x^{2}$$");
    assertThat(t.formulas().katex()).isEqualTo(2);
  }

  // KaTeX whose MathML tags a sanitiser stripped (as CSDN serves it): the MathML leaves remain as
  // text, one per line between blank lines, with the annotation's TeX last; the TeX is kept, a
  // multi-line source whole (its spaces folded), and the leaves are not.
  @Test
  void katexWithFlattenedMathml() {
    String inline = "<span class=\"katex--inline\"><span class=\"katex\"><span class=\"katex-mathml\">\n\n\n\n   f\n\n\n   \u2032\n\n\n  (\n\n  x\n\n  )\n\n\n"
        + "  f&#39;(x)\n\n\n  </span><span class=\"katex-html\" aria-hidden=\"true\"><span class=\"mord\">f\u2032(x)</span></span></span></span>";
    String display = "<span class=\"katex--display\"><span class=\"katex-display\"><span class=\"katex\"><span class=\"katex-mathml\">\n\n  a\n\n\n  =\n\n  b\n\n\n"
        + "  \\begin{aligned}\n  a &amp;= b \\\\\n  c &amp;= d\n  \\end{aligned}\n\n </span><span class=\"katex-html\">a=b</span></span></span></span>";
    ExtractedText t = extract("<html><body><p>Then " + inline + " is</p><p>" + display + "</p></body></html>");
    assertThat(t.text()).isEqualTo("Then $f'(x)$ is\n\n$$\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}$$"); // spaces folded as in every formula
    assertThat(t.formulas().katex()).isEqualTo(2);
  }

  // MathML: alttext first, then the TeX annotation, then our own conversion; display="block" means $$.
  @Test
  void mathml() {
    ExtractedText t = extract("<html><body><p>A <math alttext=\"\\alpha\"><mi>α</mi></math>, "
        + "B <math><semantics><mi>β</mi><annotation encoding=\"TeX\">\\beta</annotation></semantics></math>, "
        + "C <math><mfrac><mn>1</mn><mi>n</mi></mfrac></math>.</p>"
        + "<math display=\"block\"><msup><mi>e</mi><mi>x</mi></msup></math></body></html>");
    assertThat(t.text()).isEqualTo("A $\\alpha$, B $\\beta$, C $\\frac{1}{n}$.\n\n$$e^{x}$$");
    assertThat(t.formulas().mathml()).isEqualTo(4);
    assertThat(t.formulas().mathmlConverted()).isEqualTo(2);
  }

  // MathJax v3 output keeps only assistive MathML: converted, once.
  @Test
  void mathjaxV3Container() {
    String t = text("<p>Root <mjx-container class=\"MathJax\" jax=\"CHTML\"><mjx-math><mjx-mi>x</mjx-mi></mjx-math>"
        + "<mjx-assistive-mml><math><msqrt><mi>x</mi></msqrt></math></mjx-assistive-mml></mjx-container>.</p>");
    assertThat(t).isEqualTo("Root $\\sqrt{x}$.");
  }

  // Wikipedia: hidden MathML plus a fallback image with the same alt text: one formula, {\displaystyle} unwrapped.
  @Test
  void wikipediaMath() {
    ExtractedText t = extract("<html><body><p>Euler: <span class=\"mwe-math-element\"><span class=\"mwe-math-mathml-inline mwe-math-mathml-a11y\" "
        + "style=\"display: none;\"><math alttext=\"{\\displaystyle e^{i\\pi }+1=0}\"><semantics><mrow><mi>e</mi></mrow>"
        + "<annotation encoding=\"application/x-tex\">{\\displaystyle e^{i\\pi }+1=0}</annotation></semantics></math></span>"
        + "<img src=\"https://wikimedia.org/api/rest_v1/media/math/render/svg/abc\" class=\"mwe-math-fallback-image-inline\" "
        + "aria-hidden=\"true\" alt=\"{\\displaystyle e^{i\\pi }+1=0}\"></span>.</p></body></html>");
    assertThat(t.text()).isEqualTo("Euler: $e^{i\\pi }+1=0$.");
    assertThat(t.formulas().wikiMath()).isEqualTo(1);
  }

  // LaTeX images: WordPress alt text; CodeCogs without alt decoded from the URL ('+' is a plus there); mimetex.
  @Test
  void latexImages() {
    ExtractedText t = extract("<html><body><p>"
        + "<img src=\"https://s0.wp.com/latex.php?latex=x%5E2+%2B+1&amp;bg=ffffff\" alt=\"x^2 + 1\" class=\"latex\"> "
        + "<img src=\"https://latex.codecogs.com/png.latex?a+b%5E%7B2%7D\" alt=\"\"> "
        + "<img src=\"/cgi-bin/mimetex.cgi?%5Cfrac%7B1%7D%7B2%7D\">"
        + " and a photo <img src=\"/cat.jpg\" alt=\"a cat\"></p></body></html>");
    assertThat(t.text()).isEqualTo("$x^2 + 1$ $a+b^{2}$ $\\frac{1}{2}$ and a photo");
    assertThat(t.formulas().latexImage()).isEqualTo(3);
  }

  // WordPress KaTeX shortcode spans: inline and display.
  @Test
  void wpKatex() {
    String t = text("<p>So <span class=\"wp-katex-eq\" data-display=\"false\">a &gt; 0</span>.</p>"
        + "<p><span class=\"wp-katex-eq katex-display\" data-display=\"true\">\\int f</span></p>");
    assertThat(t).isEqualTo("So $a > 0$.\n\n$$\\int f$$");
  }

  // Forum BBCode in any case becomes $..$ and is counted as bbcode, not as delimited TeX.
  @Test
  void bbcode() {
    ExtractedText t = extract("<html><body><p>Solve [tex]x^2=4[/tex] or [LATEX]y[/LATEX], see [math]\\pi[/math].</p></body></html>");
    assertThat(t.text()).isEqualTo("Solve $x^2=4$ or $y$, see $\\pi$.");
    assertThat(t.formulas().bbcode()).isEqualTo(3);
    assertThat(t.formulas().delimited()).isZero();
  }

  // Prices and shell prompts are not math; nor is TeX-looking text inside code.
  @Test
  void dollarsThatAreNotMath() {
    ExtractedText t = extract("<html><body><p>Was $5 and now $10 only, save $3!</p>"
        + "<pre><code>$ export PATH=$HOME/bin:$PATH\n$ run</code></pre><p>Use <code>$x$</code> here.</p></body></html>");
    assertThat(t.formulas().total()).isZero();
    assertThat(t.text()).contains("$ export PATH=$HOME/bin:$PATH\n$ run");
    assertThat(t.hasMathMarkup()).isFalse();
  }

  // A MathJax loader alone marks the page as having math markup.
  @Test
  void loaderMarksMath() {
    ExtractedText t = extract("<html><head><script src=\"https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js\"></script></head>"
        + "<body><p>No formulas here yet.</p></body></html>");
    assertThat(t.hasMathMarkup()).isTrue();
    assertThat(t.formulas()).isEqualTo(FormulaCounts.NONE);
  }

  // Chrome goes: nav, header, footer, aside, cookie banner, share widget, hidden helpers, link-dense lists.
  @Test
  void boilerplateRemoved() {
    String t = text("<header><a href=\"/\">Site</a><nav><a href=\"/a\">Home</a></nav></header>"
        + "<div class=\"cookie-banner\">We use cookies.</div><div id=\"sidebar\"><p>Popular posts</p></div>"
        + "<main><h1>Title</h1><p>Real content with <a href=\"/x\">a link</a> inside it.</p>"
        + "<ul class=\"list\"><li><a href=\"/1\">One</a></li><li><a href=\"/2\">Two</a></li></ul></main>"
        + "<div class=\"share-buttons\">Share on Twitter</div><span class=\"sr-only\">Skip</span>"
        + "<aside>Related</aside><footer>© 2024 All rights reserved.</footer>");
    assertThat(t).isEqualTo("Title\n\nReal content with a link inside it.");
  }

  // A wrapper with a chrome-like class is kept when it holds the article.
  @Test
  void wrapperHoldingTheArticleIsKept() {
    String t = text("<div class=\"page with-sidebar\"><article><p>The article text stays.</p></article></div>");
    assertThat(t).isEqualTo("The article text stays.");
  }

  // Structure survives as plain text: headings, numbered and bulleted lists, table rows, preformatted code.
  @Test
  void structureAsPlainText() {
    String t = text("<h2>Steps</h2><ol><li>First</li><li>Second</li></ol><ul><li>Bullet</li></ul>"
        + "<table><tr><th>n</th><th>n!</th></tr><tr><td>3</td><td>6</td></tr></table>"
        + "<pre>  indented\n    code</pre><p>a<br>b</p>");
    assertThat(t).isEqualTo("Steps\n\n1. First\n2. Second\n\n- Bullet\n\nn | n!\n3 | 6\n\n  indented\n    code\n\na\nb");
  }

  // Whitespace folds inside formulas too; a formula is never split across lines.
  @Test
  void formulaWhitespaceFolded() {
    String t = text("<p><script type=\"math/tex\">\n  a +\n   b\n</script></p>");
    assertThat(t).isEqualTo("$a + b$");
  }

  // An empty formula source counts as markup but produces no text.
  @Test
  void emptyFormulaSkipped() {
    ExtractedText t = extract("<html><body><p>x <script type=\"math/tex\">  </script> y</p></body></html>");
    assertThat(t.text()).isEqualTo("x y");
    assertThat(t.hasMathMarkup()).isTrue();
    assertThat(t.formulas().texScript()).isZero();
  }

  // A DOM deeper than the limit is refused, without recursion (no stack overflow at depth 100000).
  @Test
  void tooDeep() {
    String html = "<div>".repeat(100_000) + "x" + "</div>".repeat(100_000);
    assertThatThrownBy(() -> extract("<html><body>" + html + "</body></html>"))
        .isInstanceOf(ExtractionLimitException.class)
        .satisfies(e -> assertThat(((ExtractionLimitException) e).limit()).isEqualTo(ExtractionLimitException.Limit.DOM_DEPTH));
  }

  // Past the deadline, the walk stops.
  @Test
  void deadline() {
    String html = "<p>word</p>".repeat(5000);
    assertThatThrownBy(() -> extractor.extract(Jsoup.parse(html), System.nanoTime() - 1))
        .isInstanceOf(ExtractionLimitException.class)
        .satisfies(e -> assertThat(((ExtractionLimitException) e).limit()).isEqualTo(ExtractionLimitException.Limit.TIME));
  }

  // The language input leaves formulas out.
  @Test
  void languageInputWithoutFormulas() {
    ExtractedText t = extract("<html><body><p>Bonjour <script type=\"math/tex\">x^2</script> le monde</p></body></html>");
    assertThat(t.languageInput()).doesNotContain("x^2").contains("Bonjour").contains("le monde");
  }
}

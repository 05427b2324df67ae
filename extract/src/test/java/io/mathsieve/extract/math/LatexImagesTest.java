package io.mathsieve.extract.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class LatexImagesTest {

  private static Optional<String> latex(String img) {
    return LatexImages.latexOf(Jsoup.parse(img).selectFirst("img"));
  }

  // Each case: an image tag as found on real pages, and the LaTeX it carries.
  @Test
  void recognised() {
    assertThat(latex("<img src=\"https://s0.wp.com/latex.php?latex=%5Cpi+r%5E2&bg=fff\" alt=\"\\pi r^2\" class=\"latex\">"))
        .contains("\\pi r^2");
    assertThat(latex("<img src=\"https://s0.wp.com/latex.php?latex=%5Cpi+r%5E2&bg=fff\" alt=\"\">")).as("form-decoded: + is a space")
        .contains("\\pi r^2");
    assertThat(latex("<img src=\"https://latex.codecogs.com/gif.latex?x+y%3D1\">")).as("raw query: + is plus").contains("x+y=1");
    assertThat(latex("<img src=\"https://latex.codecogs.com/png.latex?\\dpi{120}%20x^2\">")).contains("x^2");
    assertThat(latex("<img src=\"/cgi-bin/mimetex.cgi?a_1\" alt=\"a_1\">")).contains("a_1");
    assertThat(latex("<img class=\"tex\" src=\"/img/eq17.png\" alt=\"E=mc^2\">")).contains("E=mc^2");
    assertThat(latex("<img class=\"latex\" src=\"/x.png\" alt=\"formula\">")).as("a useless alt and no URL").contains("formula");
    assertThat(latex("<img class=\"big\tlatex\" src=\"/x.png\" alt=\"formula\">")).as("one class of several").contains("formula");
    assertThat(latex("<img class=\"latexy no-latex\" src=\"/x.png\" alt=\"formula\">")).as("a class is a whole word").isEmpty();
  }

  // Sphinx imgmath (how Debian and many offline docs build): the alt is the TeX, with or without class="math".
  @Test
  void sphinxImgmath() {
    assertThat(latex("<img class=\"math\" src=\"../_images/math/1425cd9d40fd.png\" alt=\"\\int f(x) \\mathrm{d}x\"/>"))
        .contains("\\int f(x) \\mathrm{d}x");
    assertThat(latex("<img src=\"../_images/math/8f2bf11c1665.png\" alt=\"f(k) := p (1 - p)^{k - 1}\"/>")).contains("f(k) := p (1 - p)^{k - 1}");
    assertThat(latex("<img class=\"math\" src=\"_images/math/ec83.png\" alt=\"1\"/>")).as("even a lone digit is a formula there").contains("1");
  }

  // latex2html and hand-made pages: TeX in its own delimiters in ALT, the image named imgNN.png.
  @Test
  void latex2htmlDelimitedAlt() {
    assertThat(latex("<IMG WIDTH=\"41\" HEIGHT=\"15\" ALIGN=\"BOTTOM\" BORDER=\"0\" SRC=\"img12.png\" ALT=\"$x^2+1$\">")).contains("x^2+1");
    assertThat(latex("<img src=\"img3.png\" alt=\"\\begin{displaymath}\n\\sum_{i=1}^n i\n\\end{displaymath}\">")).contains("\\sum_{i=1}^n i");
    assertThat(latex("<img src=\"eq.png\" alt=\"\\[ a \\leq b \\]\">")).contains("a \\leq b");
    assertThat(LatexImages.isDisplayAlt(Jsoup.parse("<img src=\"img3.png\" alt=\"\\begin{displaymath}x\\end{displaymath}\">").selectFirst("img"))).isTrue();
    assertThat(LatexImages.isDisplayAlt(Jsoup.parse("<img src=\"img4.png\" alt=\"$x$\">").selectFirst("img"))).isFalse();
  }

  // Renderers by URL: mimeTeX/mathTeX CGIs and Google Chart's TeX.
  @Test
  void rendererUrls() {
    assertThat(latex("<img src=\"http://example.edu/cgi-bin/mathtex.cgi?\\alpha^2\">")).contains("\\alpha^2");
    assertThat(latex("<img src=\"https://chart.googleapis.com/chart?cht=tx&chl=x%5E2%2By\">")).contains("x^2+y");
  }

  @Test
  void notLatex() {
    assertThat(latex("<img src=\"/deal.png\" alt=\"$5 or $6 a day\">")).as("dollars inside: prices, not TeX").isEmpty();
    assertThat(latex("<img src=\"/photos/gallery.jpg\" alt=\"A view of the lake\">")).isEmpty();
    assertThat(latex("<img src=\"/photos/cat.jpg\" alt=\"x^2\">")).isEmpty();
    assertThat(latex("<img src=\"/logo.png\" class=\"site-logo\">")).isEmpty();
  }
}

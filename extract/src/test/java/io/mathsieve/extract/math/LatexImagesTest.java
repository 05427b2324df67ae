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
  }

  @Test
  void notLatex() {
    assertThat(latex("<img src=\"/photos/cat.jpg\" alt=\"x^2\">")).isEmpty();
    assertThat(latex("<img src=\"/logo.png\" class=\"site-logo\">")).isEmpty();
  }
}

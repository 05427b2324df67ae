package io.mathsieve.extract.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MathPrefilterTest {
  static boolean test(String html) {
    return MathPrefilter.shared().test(html.getBytes(StandardCharsets.UTF_8));
  }

  // Strong signs pass alone: markup, loaders, TeX in the text.
  @Test
  void markupAndTexPassAlone() {
    assertThat(test("<p>Let $$x^2$$ be</p>")).isTrue();
    assertThat(test("<p>so \\frac12 of it</p>")).isTrue();
    assertThat(test("<math><mi>x</mi></math>")).isTrue();
    assertThat(test("<img src=\"https://latex.codecogs.com/png.latex?x\">")).isTrue();
    assertThat(test("<p>[tex]a+b[/tex]</p>")).isTrue();
  }

  // Weak signs (math words and symbols) pass only when four different ones are found: a shop's
  // "50 percent off" or a news page's "formula" is not math.
  @Test
  void weakSignsNeedFourDifferentOnes() {
    assertThat(test("<p>By the THEOREM of Pythagoras</p>")).isFalse();
    assertThat(test("<p>√2 is irrational</p>")).isFalse();
    assertThat(test("<p>50 percent off every circle table, formula one tickets</p>")).as("three different").isFalse();
    assertThat(test("<p>theorem theorem theorem theorem theorem</p>")).as("one sign five times").isFalse();
    assertThat(test("<p>By the theorem of Pythagoras the hypotenuse of a right triangle satisfies an equation; see the proof.</p>")).isTrue();
    assertThat(test("<p>初中数学题：求函数的导数和积分，证明定理。</p>")).isTrue();
  }

  // Math words inside tags are markup, not text: an SVG circle, a CSS radius, a class name, an event
  // handler's function. Seen to fail while weak words counted inside tags.
  @Test
  void weakSignsInsideTagsDoNotCount() {
    String markup = "<div class=\"series-solution\" style=\"border-radius:4px;transform:matrix(1,0,0,1,0,0)\" onclick=\"function(){}\">"
        + "<svg><circle r=\"5\"/></svg><p>Cheap flights to Lisbon</p></div>";
    assertThat(test(markup)).isFalse();
    assertThat(test("<p>The series, its solution, the matrix and the circle's radius</p>")).as("the same words in the text").isTrue();
    assertThat(test("<p>A <b>series</b>, its <i>solution</i>, a <a href=\"/m\">matrix</a> and a circle</p>")).as("words between tags").isTrue();
    // TeX inside a tag still counts: a LaTeX image keeps its formula in alt.
    assertThat(test("<img src=\"/eq/12.png\" alt=\"\\frac{1}{2}\">")).isTrue();
  }

  // "<math" is MathML only as a tag: minified code compares with Math.max (seen to fail with the bare
  // "<math" pattern).
  @Test
  void mathMlIsATagNotALessThanMath() {
    assertThat(test("<a onclick=\"for(i=0;i<Math.max(a,b);i++)go(i)\">Next</a><p>Cheap flights</p>")).isFalse();
    assertThat(test("<p>x</p><math display=\"block\"><mi>x</mi></math>")).isTrue();
    assertThat(test("<p>x</p><MATH>\n<mi>x</mi></MATH>")).isTrue();
    assertThat(test("<p>x</p><math\n  xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>")).isTrue();
  }

  @Test
  void aMathLibraryCountsEvenInsideAScript() {
    assertThat(test("<script src=\"https://cdn.example/MathJax.js?config=TeX-AMS\"></script><p>Hello</p>")).isTrue();
    assertThat(test("<script type=\"math/tex\">x</script>")).isTrue();
  }

  @Test
  void wordsAndEscapesInsideScriptsAndStylesDoNotCount() {
    assertThat(test("<script>var a = Math.floor(b); var re = /\\(x\\)/; // equation of the function</script><p>Hello, world</p>")).isFalse();
    assertThat(test("<style>.formula::after{content:'\\\\frac'}</style><p>Cheap flights to Lisbon</p>")).isFalse();
    // after the script closes, text counts again
    assertThat(test("<script>var x;</script><p>A lemma, its proof, an equation, an integral and a polynomial</p>")).isTrue();
  }

  @Test
  void chineseInGb2312Passes() {
    byte[] gb = "<p>初中数学题：求函数的导数和积分，证明定理。</p>".getBytes(Charset.forName("GB2312"));
    assertThat(MathPrefilter.shared().test(gb)).isTrue();
    assertThat(MathPrefilter.shared().test("<p>今天天气很好</p>".getBytes(Charset.forName("GB2312")))).isFalse();
  }

  @Test
  void anOrdinaryPageFails() {
    assertThat(test("<html><head><title>Best pasta</title></head><body><nav><a href=/>Home</a></nav><p>Boil the water, add salt.</p></body></html>"))
        .isFalse();
  }
}

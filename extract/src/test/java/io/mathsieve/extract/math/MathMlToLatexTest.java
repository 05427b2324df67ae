package io.mathsieve.extract.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MathMlToLatexTest {

  private static String convert(String mathml) {
    Element math = Jsoup.parse("<math>" + mathml + "</math>").selectFirst("math");
    return MathMlToLatex.convert(math);
  }

  // Known answers, one per element kind.
  @Test
  void tokens() {
    assertThat(convert("<mi>x</mi><mo>+</mo><mn>2</mn>")).isEqualTo("x+2");
    assertThat(convert("<mi>α</mi><mo>≤</mo><mi>β</mi>")).isEqualTo("\\alpha\\leq\\beta");
    assertThat(convert("<mi>α</mi><mi>x</mi>")).as("a control word never swallows a letter").isEqualTo("\\alpha x");
    assertThat(convert("<mi>sin</mi><mo>&#x2061;</mo><mi>x</mi>")).isEqualTo("\\sin x");
    assertThat(convert("<mi>speed</mi>")).isEqualTo("\\mathrm{speed}");
    assertThat(convert("<mi mathvariant=\"double-struck\">R</mi>")).isEqualTo("\\mathbb{R}");
    assertThat(convert("<mi>ℝ</mi>")).isEqualTo("\\mathbb{R}");
    assertThat(convert("<mi>\uD835\uDC31</mi>")).as("mathematical bold x").isEqualTo("\\mathbf{x}");
    assertThat(convert("<mo>{</mo><mn>1</mn><mo>}</mo>")).isEqualTo("\\{1\\}");
    assertThat(convert("<mtext>if </mtext><mi>x</mi>")).isEqualTo("\\text{if }x");
    assertThat(convert("<mn>3</mn><mo>&#x2062;</mo><mi>y</mi>")).as("invisible times").isEqualTo("3y");
  }

  @Test
  void layout() {
    assertThat(convert("<mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow></mfrac>")).isEqualTo("\\frac{a}{b+1}");
    assertThat(convert("<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>")).isEqualTo("\\sqrt{x+1}");
    assertThat(convert("<mroot><mi>x</mi><mn>3</mn></mroot>")).isEqualTo("\\sqrt[3]{x}");
    assertThat(convert("<msup><mi>x</mi><mn>2</mn></msup>")).isEqualTo("x^{2}");
    assertThat(convert("<msub><mi>a</mi><mi>n</mi></msub>")).isEqualTo("a_{n}");
    assertThat(convert("<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>")).isEqualTo("\\int_{0}^{1}");
    assertThat(convert("<msup><mrow><mi>x</mi><mi>y</mi></mrow><mn>2</mn></msup>")).as("a multi-item base is braced").isEqualTo("{xy}^{2}");
    assertThat(convert("<msup><mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow><mn>2</mn></msup>")).as("a fenced base is not").isEqualTo("(x)^{2}");
  }

  // munder/mover: accents, limits of big operators, everything else as overset/underset.
  @Test
  void underOver() {
    assertThat(convert("<mover accent=\"true\"><mi>x</mi><mo>^</mo></mover>")).isEqualTo("\\hat{x}");
    assertThat(convert("<mover><mi>v</mi><mo>→</mo></mover>")).isEqualTo("\\vec{v}");
    assertThat(convert("<mover><mi>z</mi><mo>¯</mo></mover>")).isEqualTo("\\bar{z}");
    assertThat(convert("<mover><mrow><mi>a</mi><mi>b</mi></mrow><mo>¯</mo></mover>")).isEqualTo("\\overline{ab}");
    assertThat(convert("<munderover><mo>∑</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>k</mi>"))
        .isEqualTo("\\sum_{k=1}^{n}k");
    assertThat(convert("<munder><mo>lim</mo><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder>")).isEqualTo("\\lim_{x\\to0}");
    assertThat(convert("<mover><mo>=</mo><mtext>def</mtext></mover>")).isEqualTo("\\overset{\\text{def}}{=}");
    assertThat(convert("<munder><mi>x</mi><mo>_</mo></munder>")).isEqualTo("\\underline{x}");
  }

  @Test
  void tablesAndFences() {
    assertThat(convert("<mrow><mo>(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr>"
        + "<mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable><mo>)</mo></mrow>"))
        .isEqualTo("(\\begin{matrix}1&0\\\\0&1\\end{matrix})");
    assertThat(convert("<mfenced><mi>a</mi><mi>b</mi></mfenced>")).isEqualTo("(a,b)");
    assertThat(convert("<mfenced open=\"[\" close=\"]\" separators=\";\"><mi>a</mi><mi>b</mi></mfenced>")).isEqualTo("[a;b]");
    assertThat(convert("<menclose notation=\"box\"><mi>x</mi></menclose>")).isEqualTo("\\boxed{x}");
  }

  // Annotations, phantoms and spaces produce nothing; semantics keeps its presentation child.
  @Test
  void ignoredParts() {
    assertThat(convert("<semantics><mi>x</mi><annotation encoding=\"text/plain\">ex</annotation></semantics>")).isEqualTo("x");
    assertThat(convert("<mi>a</mi><mspace width=\"1em\"/><mphantom><mi>z</mi></mphantom><mi>b</mi>")).isEqualTo("ab");
  }

  @Test
  void multiscripts() {
    assertThat(convert("<mmultiscripts><mi>X</mi><mi>i</mi><mi>j</mi><mprescripts/><mi>k</mi><none/></mmultiscripts>"))
        .isEqualTo("{}_{k}X_{i}^{j}");
  }

  // Hostile nesting is cut at the depth limit instead of overflowing the stack.
  @Test
  void deepNestingBounded() {
    String deep = "<mrow>".repeat(2000) + "<mi>x</mi>" + "</mrow>".repeat(2000);
    assertThat(convert(deep)).isEmpty();
  }
}

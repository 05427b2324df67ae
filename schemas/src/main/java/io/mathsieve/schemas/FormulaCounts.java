package io.mathsieve.schemas;

/**
 * How many formulas extraction found in a page, by the markup they were written in.
 *
 * @param texScript MathJax {@code <script type="math/tex">} sources
 * @param katex KaTeX renderings, from their {@code application/x-tex} annotation
 * @param wpKatex WordPress KaTeX shortcodes ({@code span.wp-katex-eq})
 * @param mathml MathML {@code <math>} elements (alttext, TeX annotation or converted)
 * @param mathmlConverted of {@code mathml}, those converted to LaTeX by mathsieve's own converter
 * @param wikiMath Wikipedia {@code mwe-math-element} formulas
 * @param latexImage images whose alt text or URL carries LaTeX (latex.php, codecogs, tex.cgi)
 * @param bbcode forum {@code [tex]}, {@code [latex]} and {@code [math]} tags
 * @param delimited TeX already in the text between {@code $..$}, {@code $$..$$}, {@code \(..\)} or {@code \[..\]}
 */
public record FormulaCounts(
    int texScript,
    int katex,
    int wpKatex,
    int mathml,
    int mathmlConverted,
    int wikiMath,
    int latexImage,
    int bbcode,
    int delimited) implements java.io.Serializable {

  public static final FormulaCounts NONE = new FormulaCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** All formulas found ({@code mathmlConverted} is a subset of {@code mathml}, not added twice). */
  public int total() {
    return texScript + katex + wpKatex + mathml + wikiMath + latexImage + bbcode + delimited;
  }

  /** Component-wise sum, for aggregating statistics. */
  public FormulaCounts plus(FormulaCounts o) {
    return new FormulaCounts(
        texScript + o.texScript,
        katex + o.katex,
        wpKatex + o.wpKatex,
        mathml + o.mathml,
        mathmlConverted + o.mathmlConverted,
        wikiMath + o.wikiMath,
        latexImage + o.latexImage,
        bbcode + o.bbcode,
        delimited + o.delimited);
  }
}

package io.mathsieve.samples;

import io.mathsieve.samples.MathNode.Accent;
import io.mathsieve.samples.MathNode.Frac;
import io.mathsieve.samples.MathNode.Func;
import io.mathsieve.samples.MathNode.Ident;
import io.mathsieve.samples.MathNode.Matrix;
import io.mathsieve.samples.MathNode.Num;
import io.mathsieve.samples.MathNode.Op;
import io.mathsieve.samples.MathNode.Root;
import io.mathsieve.samples.MathNode.Row;
import io.mathsieve.samples.MathNode.Sqrt;
import io.mathsieve.samples.MathNode.Sub;
import io.mathsieve.samples.MathNode.SubSup;
import io.mathsieve.samples.MathNode.Sup;
import io.mathsieve.samples.MathNode.UnderOver;
import java.util.List;

/** Random formulas: trees (for MathML pages) and hand-written LaTeX as it appears on real pages. */
final class MathForge {
  private static final List<String> LETTERS = List.of("x", "y", "z", "a", "b", "n", "k", "t", "u", "v");
  private static final List<Ident> GREEK =
      List.of(
          new Ident("α", "\\alpha"), new Ident("β", "\\beta"), new Ident("γ", "\\gamma"),
          new Ident("θ", "\\theta"), new Ident("λ", "\\lambda"), new Ident("π", "\\pi"),
          new Ident("σ", "\\sigma"), new Ident("φ", "\\varphi"), new Ident("ω", "\\omega"));
  private static final List<Op> RELATIONS =
      List.of(Op.of("="), new Op("≤", "\\leq"), new Op("≥", "\\geq"), new Op("≠", "\\neq"), new Op("≈", "\\approx"));

  /**
   * LaTeX written by hand on real pages: environments, alignment {@code &}, comparisons {@code <}
   * that HTML must escape, {@code \text}, spacing commands.
   */
  static final List<String> HANDWRITTEN =
      List.of(
          "\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}",
          "\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}",
          "e^{i\\pi} + 1 = 0",
          "f(x) = \\begin{cases} x^2 & x < 0 \\\\ 2x & x \\geq 0 \\end{cases}",
          "\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1",
          "\\binom{n}{k} = \\frac{n!}{k!(n-k)!}",
          "\\begin{aligned} (a+b)^2 &= a^2 + 2ab + b^2 \\\\ &\\geq 4ab \\end{aligned}",
          "|x - y| < \\varepsilon \\text{ whenever } |x - y| < \\delta",
          "\\nabla \\cdot \\mathbf{E} = \\frac{\\rho}{\\varepsilon_0}",
          "\\det(A - \\lambda I) = 0",
          "P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}",
          "\\mathbb{E}[X] = \\sum_{x} x \\, p(x)",
          "a^2 + b^2 = c^2",
          "\\forall \\epsilon > 0 \\; \\exists N \\in \\mathbb{N}",
          "\\frac{d}{dx} \\ln x = \\frac{1}{x}",
          "\\oint_C \\mathbf{F} \\cdot d\\mathbf{r} = 0",
          "x_{n+1} = x_n - \\frac{f(x_n)}{f'(x_n)}",
          "\\gcd(a, b) \\cdot \\operatorname{lcm}(a, b) = ab",
          "\\sqrt[3]{27} = 3",
          "\\mathcal{O}(n \\log n)",
          "\\left\\lfloor \\frac{n}{2} \\right\\rfloor",
          "\\prod_{p \\text{ prime}} \\frac{1}{1 - p^{-s}} = \\zeta(s)",
          "\\vec{u} \\times \\vec{v}",
          "A \\cup B = B \\cup A",
          "0 < a < b \\implies \\frac{1}{b} < \\frac{1}{a}");

  private MathForge() {}

  /** A random formula tree; different shapes exercise every MathML element the converter handles. */
  static MathNode tree(Rng rng) {
    Ident x = Ident.of(rng.pick(LETTERS));
    Num a = num(rng, 2, 9);
    Num b = num(rng, 1, 20);
    return switch (rng.between(0, 11)) {
      case 0 -> Row.of(new Sup(x, new Num("2")), Op.of("+"), a, x, Op.of("-"), b, Op.of("="), new Num("0"));
      case 1 -> Row.of(new Frac(a, b), Op.of("+"), new Frac(num(rng, 1, 9), x), rng.pick(RELATIONS), new Num("1"));
      case 2 -> Row.of(
          new UnderOver(new Op("∑", "\\sum"), Row.of(Ident.of("k"), Op.of("="), new Num("1")), Ident.of("n")),
          new Sup(Ident.of("k"), a));
      case 3 -> Row.of(
          new SubSup(new Op("∫", "\\int"), new Num("0"), b),
          new Sup(x, a), Ident.of("d"), x);
      case 4 -> Row.of(new Sqrt(Row.of(new Sup(x, new Num("2")), Op.of("+"), new Sup(Ident.of("y"), new Num("2")))), rng.pick(RELATIONS), b);
      case 5 -> Row.of(new Root(b, new Num("3")), Op.of("+"), new Sub(x, Ident.of("i")));
      case 6 -> Row.of(rng.pick(GREEK), Op.of("+"), rng.pick(GREEK), Op.of("="), new Frac(new Ident("π", "\\pi"), a));
      case 7 -> Row.of(new Func(rng.pick("sin", "cos", "tan", "log", "ln"), x), new Op("·", "\\cdot"), a, rng.pick(RELATIONS), b);
      case 8 -> new Matrix(List.of(List.of(a, b), List.of(num(rng, 0, 9), num(rng, 1, 9))));
      case 9 -> Row.of(new Accent(x, "^", "hat"), Op.of("="), new Accent(Ident.of("v"), "→", "vec"), new Op("×", "\\times"), a);
      case 10 -> Row.of(new Sub(x, Row.of(Ident.of("n"), Op.of("+"), new Num("1"))), Op.of("="), new Frac(new Sub(x, Ident.of("n")), a));
      default -> Row.of(Ident.of("f"), Op.of("("), x, Op.of(")"), Op.of("="), a, new Sup(x, new Num("3")), Op.of("-"), b);
    };
  }

  /** LaTeX for a formula on a page: mostly random trees, sometimes hand-written LaTeX. */
  static String latex(Rng rng) {
    return rng.chance(0.35) ? rng.pick(HANDWRITTEN) : tree(rng).latex();
  }

  /** A formula for plain-text math (no markup): ASCII as students type it. */
  static String plainText(Rng rng) {
    String x = rng.pick(LETTERS);
    int a = rng.between(2, 9);
    int b = rng.between(1, 30);
    return switch (rng.between(0, 4)) {
      case 0 -> x + "^2 + " + a + x + " - " + b + " = 0";
      case 1 -> a + "/" + (a + 1) + " + " + b + "/" + (b + 2) + " = ?";
      case 2 -> "sqrt(" + (a * a) + ") = " + a;
      case 3 -> "(" + x + " + " + a + ")(" + x + " - " + a + ") = " + x + "^2 - " + (a * a);
      default -> a + " * " + b + " = " + (a * b);
    };
  }

  private static Num num(Rng rng, int lo, int hi) {
    return new Num(String.valueOf(rng.between(lo, hi)));
  }
}

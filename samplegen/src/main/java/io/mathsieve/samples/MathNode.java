package io.mathsieve.samples;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A small formula tree that renders to both LaTeX and presentation MathML, so the generator knows which
 * LaTeX, up to spacing, a MathML-to-LaTeX converter should give back for the MathML it writes.
 */
sealed interface MathNode {
  /**
   * The formula as TeX a page would show. The sample checks compare formulas with whitespace removed, so this
   * need not space items the way mathsieve's converter does (that is tested on hand-written LaTeX in
   * {@code MathMlToLatexTest}); it only has to be TeX that means the formula.
   */
  String latex();

  /** Presentation MathML, without the {@code <math>} wrapper. */
  String mathml();

  /** MathML of this node as a single element (rows wrapped in {@code mrow}), for fixed-arity parents. */
  default String mathmlElement() {
    return mathml();
  }

  // TeX reads a control word up to the first non-letter, so \alpha before x needs a space (\\ is a line break).
  Pattern ENDS_IN_CONTROL_WORD = Pattern.compile("(?<!\\\\)\\\\[A-Za-z]+$");

  /** {@code next}, with a space before it if it would otherwise run into a control word that ends {@code before}. */
  static String texJoin(CharSequence before, String next) {
    boolean space = !next.isEmpty() && Character.isLetter(next.charAt(0)) && ENDS_IN_CONTROL_WORD.matcher(before).find();
    return space ? " " + next : next;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  record Num(String value) implements MathNode {
    public String latex() {
      return value;
    }

    public String mathml() {
      return "<mn>" + value + "</mn>";
    }
  }

  /** A single-letter identifier, or a Greek letter with its LaTeX command. */
  record Ident(String symbol, String latex) implements MathNode {
    static Ident of(String letter) {
      return new Ident(letter, letter);
    }

    public String mathml() {
      return "<mi>" + symbol + "</mi>";
    }
  }

  /** An operator: the MathML character and its LaTeX. */
  record Op(String symbol, String latex) implements MathNode {
    static Op of(String s) {
      return new Op(s, s);
    }

    public String mathml() {
      return "<mo>" + escape(symbol) + "</mo>";
    }
  }

  record Row(List<MathNode> items) implements MathNode {
    static Row of(MathNode... items) {
      return new Row(List.of(items));
    }

    public String latex() {
      StringBuilder out = new StringBuilder();
      for (MathNode n : items) {
        out.append(texJoin(out, n.latex()));
      }
      return out.toString();
    }

    public String mathml() {
      StringBuilder out = new StringBuilder();
      for (MathNode n : items) {
        out.append(n.mathml());
      }
      return out.toString();
    }

    public String mathmlElement() {
      return items.size() == 1 ? items.get(0).mathmlElement() : "<mrow>" + mathml() + "</mrow>";
    }
  }

  record Frac(MathNode num, MathNode den) implements MathNode {
    public String latex() {
      return "\\frac{" + num.latex() + "}{" + den.latex() + "}";
    }

    public String mathml() {
      return "<mfrac>" + num.mathmlElement() + den.mathmlElement() + "</mfrac>";
    }
  }

  record Sup(MathNode base, MathNode exp) implements MathNode {
    public String latex() {
      return base.latex() + "^{" + exp.latex() + "}";
    }

    public String mathml() {
      return "<msup>" + base.mathmlElement() + exp.mathmlElement() + "</msup>";
    }
  }

  record Sub(MathNode base, MathNode sub) implements MathNode {
    public String latex() {
      return base.latex() + "_{" + sub.latex() + "}";
    }

    public String mathml() {
      return "<msub>" + base.mathmlElement() + sub.mathmlElement() + "</msub>";
    }
  }

  record SubSup(MathNode base, MathNode sub, MathNode sup) implements MathNode {
    public String latex() {
      return base.latex() + "_{" + sub.latex() + "}^{" + sup.latex() + "}";
    }

    public String mathml() {
      return "<msubsup>" + base.mathmlElement() + sub.mathmlElement() + sup.mathmlElement() + "</msubsup>";
    }
  }

  /** A big operator with limits below and above, written with {@code munderover}. */
  record UnderOver(MathNode base, MathNode under, MathNode over) implements MathNode {
    public String latex() {
      return base.latex() + "_{" + under.latex() + "}^{" + over.latex() + "}";
    }

    public String mathml() {
      return "<munderover>" + base.mathmlElement() + under.mathmlElement() + over.mathmlElement() + "</munderover>";
    }
  }

  record Sqrt(MathNode radicand) implements MathNode {
    public String latex() {
      return "\\sqrt{" + radicand.latex() + "}";
    }

    public String mathml() {
      return "<msqrt>" + radicand.mathml() + "</msqrt>";
    }
  }

  record Root(MathNode radicand, MathNode index) implements MathNode {
    public String latex() {
      return "\\sqrt[" + index.latex() + "]{" + radicand.latex() + "}";
    }

    public String mathml() {
      return "<mroot>" + radicand.mathmlElement() + index.mathmlElement() + "</mroot>";
    }
  }

  /** An accent over a base: {@code \hat}, {@code \bar}, {@code \vec}, {@code \tilde}. */
  record Accent(MathNode base, String mark, String command) implements MathNode {
    public String latex() {
      return "\\" + command + "{" + base.latex() + "}";
    }

    public String mathml() {
      return "<mover accent=\"true\">" + base.mathmlElement() + "<mo>" + mark + "</mo></mover>";
    }
  }

  /** A named function applied to an argument: {@code \sin x}, with MathML's function-application mark. */
  record Func(String name, MathNode arg) implements MathNode {
    public String latex() {
      String command = "\\" + name;
      return command + texJoin(command, arg.latex());
    }

    public String mathml() {
      return "<mi>" + name + "</mi><mo>&#x2061;</mo>" + arg.mathml();
    }
  }

  /** A matrix in parentheses. */
  record Matrix(List<List<MathNode>> rows) implements MathNode {
    public String latex() {
      StringBuilder out = new StringBuilder("(\\begin{matrix}");
      for (int r = 0; r < rows.size(); r++) {
        if (r > 0) {
          out.append("\\\\");
        }
        for (int c = 0; c < rows.get(r).size(); c++) {
          if (c > 0) {
            out.append('&');
          }
          out.append(rows.get(r).get(c).latex());
        }
      }
      return out.append("\\end{matrix})").toString();
    }

    public String mathml() {
      StringBuilder out = new StringBuilder("<mrow><mo>(</mo><mtable>");
      for (List<MathNode> row : rows) {
        out.append("<mtr>");
        for (MathNode cell : row) {
          out.append("<mtd>").append(cell.mathml()).append("</mtd>");
        }
        out.append("</mtr>");
      }
      return out.append("</mtable><mo>)</mo></mrow>").toString();
    }
  }
}

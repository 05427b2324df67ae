package io.mathsieve.extract.math;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * LaTeX for the Unicode characters MathML puts in {@code mi}, {@code mo} and {@code mn}: Greek
 * letters, operators, relations, arrows, blackboard letters, and the invisible operators that
 * must produce nothing.
 */
final class UnicodeMath {
  private static final Map<Integer, String> LATEX = new HashMap<>();

  /** Multi-letter identifiers that LaTeX spells as operator commands ({@code sin} becomes {@code \sin}). */
  static final Set<String> FUNCTIONS =
      Set.of(
          "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "coth",
          "log", "ln", "lg", "exp", "lim", "liminf", "limsup", "max", "min", "sup", "inf", "det", "dim", "ker", "deg",
          "gcd", "arg", "hom", "Pr");

  /** Operators that take limits below and above in display style. */
  static final Set<String> BIG_OPERATORS =
      Set.of("\\sum", "\\prod", "\\coprod", "\\int", "\\iint", "\\iiint", "\\oint", "\\bigcup", "\\bigcap", "\\bigvee",
          "\\bigwedge", "\\bigoplus", "\\bigotimes", "\\lim", "\\max", "\\min", "\\sup", "\\inf", "\\limsup", "\\liminf");

  static {
    String[] pairs = {
      // Greek
      "α", "\\alpha", "β", "\\beta", "γ", "\\gamma", "δ", "\\delta", "ϵ", "\\epsilon", "ζ", "\\zeta",
      "η", "\\eta", "θ", "\\theta", "ϑ", "\\vartheta", "ι", "\\iota", "κ", "\\kappa", "λ", "\\lambda", "μ", "\\mu",
      "ν", "\\nu", "ξ", "\\xi", "π", "\\pi", "ϖ", "\\varpi", "ρ", "\\rho", "ϱ", "\\varrho", "σ", "\\sigma",
      "ς", "\\varsigma", "τ", "\\tau", "υ", "\\upsilon", "φ", "\\varphi", "ϕ", "\\phi", "χ", "\\chi", "ψ", "\\psi",
      "ω", "\\omega", "Γ", "\\Gamma", "Δ", "\\Delta", "Θ", "\\Theta", "Λ", "\\Lambda", "Ξ", "\\Xi", "Π", "\\Pi",
      "Σ", "\\Sigma", "Υ", "\\Upsilon", "Φ", "\\Phi", "Ψ", "\\Psi", "Ω", "\\Omega", "ε", "\\varepsilon",
      // Binary operators
      "±", "\\pm", "∓", "\\mp", "×", "\\times", "÷", "\\div", "·", "\\cdot", "⋅", "\\cdot", "∘", "\\circ", "∗", "\\ast",
      "⊕", "\\oplus", "⊗", "\\otimes", "⊖", "\\ominus", "⊙", "\\odot", "∪", "\\cup", "∩", "\\cap", "∧", "\\wedge",
      "∨", "\\vee", "∖", "\\setminus", "⋆", "\\star", "†", "\\dagger", "−", "-", "∕", "/", "⁄", "/",
      // Relations
      "≤", "\\leq", "≥", "\\geq", "≦", "\\leqq", "≧", "\\geqq", "≠", "\\neq", "≈", "\\approx", "≡", "\\equiv",
      "∼", "\\sim", "≃", "\\simeq", "≅", "\\cong", "∝", "\\propto", "≪", "\\ll", "≫", "\\gg", "≺", "\\prec",
      "≻", "\\succ", "∈", "\\in", "∉", "\\notin", "∋", "\\ni", "⊂", "\\subset", "⊃", "\\supset", "⊆", "\\subseteq",
      "⊇", "\\supseteq", "⊊", "\\subsetneq", "⊥", "\\perp", "∥", "\\parallel", "∣", "\\mid", "⊢", "\\vdash",
      "⊨", "\\models", "≔", ":=", "≜", "\\triangleq", "≐", "\\doteq",
      // Arrows
      "→", "\\to", "←", "\\leftarrow", "↔", "\\leftrightarrow", "⇒", "\\Rightarrow", "⇐", "\\Leftarrow",
      "⇔", "\\Leftrightarrow", "↦", "\\mapsto", "⟶", "\\longrightarrow", "⟹", "\\implies", "⟺", "\\iff",
      "↑", "\\uparrow", "↓", "\\downarrow", "↪", "\\hookrightarrow", "⇀", "\\rightharpoonup",
      // Big operators and misc symbols
      "∑", "\\sum", "∏", "\\prod", "∐", "\\coprod", "∫", "\\int", "∬", "\\iint", "∭", "\\iiint", "∮", "\\oint",
      "⋃", "\\bigcup", "⋂", "\\bigcap", "⋁", "\\bigvee", "⋀", "\\bigwedge", "⨁", "\\bigoplus", "⨂", "\\bigotimes",
      "√", "\\surd", "∞", "\\infty", "∂", "\\partial", "∇", "\\nabla", "∀", "\\forall", "∃", "\\exists", "∄", "\\nexists",
      "¬", "\\neg", "∅", "\\emptyset", "ℵ", "\\aleph", "ℏ", "\\hbar", "ℓ", "\\ell", "℘", "\\wp", "ℜ", "\\Re", "ℑ", "\\Im",
      "∠", "\\angle", "△", "\\triangle", "°", "^{\\circ}", "′", "'", "″", "''", "‴", "'''", "…", "\\ldots", "⋯", "\\cdots",
      "⋮", "\\vdots", "⋱", "\\ddots", "∴", "\\therefore", "∵", "\\because", "□", "\\square", "■", "\\blacksquare",
      "⟨", "\\langle", "⟩", "\\rangle", "〈", "\\langle", "〉", "\\rangle", "⌊", "\\lfloor", "⌋", "\\rfloor",
      "⌈", "\\lceil", "⌉", "\\rceil", "‖", "\\|", "{", "\\{", "}", "\\}", "#", "\\#", "%", "\\%", "&", "\\&",
      // Double-struck, script, fraktur capitals commonly written as characters
      "ℕ", "\\mathbb{N}", "ℤ", "\\mathbb{Z}", "ℚ", "\\mathbb{Q}", "ℝ", "\\mathbb{R}", "ℂ", "\\mathbb{C}", "ℙ", "\\mathbb{P}",
      "ℍ", "\\mathbb{H}", "ℒ", "\\mathcal{L}", "ℱ", "\\mathcal{F}", "ℋ", "\\mathcal{H}", "ℰ", "\\mathcal{E}", "ℳ", "\\mathcal{M}",
      // Invisible operators: function application, times, separator, plus
      "\u2061", "", "\u2062", "", "\u2063", "", "\u2064", "", "\u200b", "",
    };
    for (int i = 0; i < pairs.length; i += 2) {
      LATEX.put(pairs[i].codePointAt(0), pairs[i + 1]);
    }
  }

  private UnicodeMath() {}

  /** LaTeX for the text of a token element, character by character. */
  static String toLatex(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints()
        .forEach(
            cp -> {
              String mapped = LATEX.get(cp);
              if (mapped != null) {
                MathMlToLatex.append(out, mapped);
              } else if (cp >= 0x1D400 && cp <= 0x1D7FF) {
                MathMlToLatex.append(out, mathAlphanumeric(cp));
              } else if (Character.isWhitespace(cp) || cp == 0xA0) {
                // spacing inside token elements carries no meaning in LaTeX
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** Mathematical Alphanumeric Symbols (U+1D400..): styled letters as {@code \mathbf}, {@code \mathbb}... */
  private static String mathAlphanumeric(int cp) {
    int offset = cp - 0x1D400;
    if (offset < 13 * 52) {
      String[] styles = {"\\mathbf", "", "\\boldsymbol", "\\mathcal", "\\mathcal", "\\mathfrak", "\\mathbb", "\\mathfrak",
          "\\mathsf", "\\mathsf", "\\mathsf", "\\mathsf", "\\mathtt"};
      int style = offset / 52;
      int letter = offset % 52;
      char c = (char) (letter < 26 ? 'A' + letter : 'a' + letter - 26);
      return styles[style].isEmpty() ? String.valueOf(c) : styles[style] + "{" + c + "}";
    }
    if (cp >= 0x1D7CE && cp <= 0x1D7FF) {
      return String.valueOf((char) ('0' + (cp - 0x1D7CE) % 10));
    }
    return new String(Character.toChars(cp));
  }
}

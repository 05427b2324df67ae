package io.mathsieve.extract.prefilter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cheap test on the raw bytes of a page, before any decoding or parsing: does it show any sign of
 * math? In the spirit of OpenWebMath's prefilter: math markup (MathJax, KaTeX, MathML, LaTeX
 * commands and delimiters, forum TeX tags, LaTeX image services), math symbols, and math words in
 * several languages (UTF-8 and GB2312 for Chinese). Pages without any are dropped before Jsoup,
 * which is where the time goes; the classifier decides about the rest.
 *
 * <p>One pass over the bytes with an Aho-Corasick automaton (ASCII case-folded), stopping at the
 * first hit. Words and symbols inside {@code <script>} and {@code <style>} do not count (JavaScript
 * is full of {@code Math.floor} and regex escapes); the names of math libraries count anywhere,
 * since a page that loads MathJax or KaTeX means to show math.
 *
 * <p>Signals differ in strength. Math markup and loaders pass a page anywhere; TeX in the text
 * ({@code \\frac}, {@code \\(}, {@code $$}, {@code ^{}...) passes it outside scripts; math symbols
 * and words, which shops and news pages use too, pass it only when {@value #WEAK_NEEDED} different
 * ones are found in the text: not inside a tag, where class names, SVG shapes, CSS and event
 * handlers say {@code circle}, {@code matrix(}, {@code border-radius} and {@code function} on pages
 * that are not math. (TeX inside a tag still counts: a LaTeX image keeps its formula in {@code alt}.)
 * A tag runs from {@code <} to the next {@code >}, without a DOM: a stray {@code <} in text only
 * hides words up to the next {@code >}. Recall is what matters: {@code bench --labels} measures it
 * on labelled pages.
 */
public final class MathPrefilter {
  /**
   * Math libraries and markup: a hit wherever they appear, scripts included. A MathML tag is
   * {@code <math} followed by what may end a tag name, not {@code i<Math.max(...)} in minified code.
   */
  static final List<String> MARKUP = List.of(
      "mathjax", "katex", "math/tex", "mathml", "<math>", "<math ", "<math\n", "<math\r", "<math\t", "<math/", "asciimath", "mwe-math",
      "wp-katex", "mimetex", "latex.php", "codecogs", "tex.cgi", "latex.codecogs", "[tex]", "[latex]", "[math]", "$latex ");

  /** TeX written in the text: one hit outside scripts and styles passes the page. */
  static final List<String> LATEX = List.of(
      "\\frac", "\\dfrac", "\\sqrt", "\\sum", "\\int", "\\prod", "\\lim", "\\begin{", "\\left", "\\right", "\\cdot", "\\times", "\\alpha",
      "\\beta", "\\theta", "\\pi", "\\infty", "\\leq", "\\geq", "\\neq", "\\le ", "\\ge ", "\\mathbb", "\\mathrm", "\\displaystyle",
      "\\binom", "\\partial", "\\over", "\\(", "\\[", "$$", "^{", "_{", "x^2", "^2", "^3");

  /**
   * Weak signs of math in text, outside scripts and styles: math symbols and math words. Shops,
   * news and forums use each of them, so a page passes on them only with {@value #WEAK_NEEDED}
   * different ones.
   */
  static final List<String> TEXT = List.of(
      // Unicode symbols (UTF-8)
      "√", "∫", "∑", "∏", "≤", "≥", "≠", "≈", "∞", "±", "÷", "π", "θ", "∂", "∈", "⇒", "²", "³",
      // words (English)
      "theorem", "lemma", "corollary", "proof", "equation", "integral", "derivative", "polynomial", "matri", "eigen", "calculus",
      "algebra", "geometr", "trigonometr", "probabilit", "arithmetic", "logarithm", "factori", "prime number", "inequalit", "fraction",
      "exponent", "quadratic", "vector", "mathemat", "maths", "homework", "solve for", "solution", "formula", "function", "variable",
      "coefficient", "denominator", "numerator", "hypotenuse", "triangle", "circle", "radius", "perimeter", "percent", "sequence",
      "series", "converge", "divisib", "modulo", "integer", "rational", "real number", "complex number", "statistic", "permutation",
      "combinatori", "topolog", "axiom", "conjecture", "q.e.d",
      // other languages
      "gleichung", "mathematik", "équation", "théorème", "mathématique", "ecuación", "teorema", "matemátic", "equazione",
      "математ", "уравнен", "теорем", "функци", "数学", "函数", "方程", "定理", "证明", "几何", "代数", "导数", "积分", "概率",
      "不等式", "求解", "數學", "方程式", "関数", "証明");

  /** Chinese words as GB2312 bytes, for pages that are not UTF-8. */
  static final List<String> GB2312 = List.of("数学", "函数", "方程", "定理", "证明", "几何", "代数", "导数", "积分", "概率", "求解");

  /** Different weak signs a page needs to pass without markup or TeX. */
  static final int WEAK_NEEDED = 4;

  private static final int WEAK = 1;
  private static final int ALWAYS = 2;
  private static final int OPEN = 4;
  private static final int CLOSE = 8;
  private static final int STRONG = 16;
  private static final int TAG_START = 32;
  private static final int TAG_END = 64;

  private static final MathPrefilter DEFAULT = new MathPrefilter();

  private final int[] next; // state * 256 + byte -> state
  private final byte[] output;
  /** Per state, the weak pattern it ends (directly or through its failure links), or -1. */
  private final short[] weakId;
  private final int weakPatterns;

  /** The shared instance (immutable, thread-safe). */
  public static MathPrefilter shared() {
    return DEFAULT;
  }

  private MathPrefilter() {
    List<byte[]> patterns = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    MARKUP.forEach(p -> add(patterns, kinds, p.getBytes(StandardCharsets.UTF_8), ALWAYS));
    LATEX.forEach(p -> add(patterns, kinds, p.getBytes(StandardCharsets.UTF_8), STRONG));
    TEXT.forEach(p -> add(patterns, kinds, p.getBytes(StandardCharsets.UTF_8), WEAK));
    Charset gb = Charset.forName("GB2312");
    GB2312.forEach(p -> add(patterns, kinds, p.getBytes(gb), WEAK));
    for (String tag : List.of("<script", "<style")) {
      add(patterns, kinds, tag.getBytes(StandardCharsets.US_ASCII), OPEN);
    }
    add(patterns, kinds, new byte[] {'<'}, TAG_START);
    add(patterns, kinds, new byte[] {'>'}, TAG_END);
    for (String tag : List.of("</script", "</style")) {
      add(patterns, kinds, tag.getBytes(StandardCharsets.US_ASCII), CLOSE);
    }
    // The trie.
    int capacity = 1 + patterns.stream().mapToInt(p -> p.length).sum();
    int[] go = new int[capacity * 256];
    Arrays.fill(go, -1);
    byte[] out = new byte[capacity];
    short[] weak = new short[capacity];
    Arrays.fill(weak, (short) -1);
    int states = 1;
    int weakCount = 0;
    for (int i = 0; i < patterns.size(); i++) {
      int s = 0;
      for (byte b : patterns.get(i)) {
        int c = fold(b & 0xff);
        if (go[s * 256 + c] < 0) {
          go[s * 256 + c] = states++;
        }
        s = go[s * 256 + c];
      }
      out[s] |= (byte) (int) kinds.get(i);
      if (kinds.get(i) == WEAK && weak[s] < 0) {
        weak[s] = (short) weakCount++;
      }
    }
    // Failure links, turned into a full transition table (a DFA), breadth first.
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < 256; c++) {
      int t = go[c];
      if (t < 0) {
        go[c] = 0;
      } else {
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out[s] |= out[fail[s]];
      if (weak[s] < 0) {
        weak[s] = weak[fail[s]];
      }
      for (int c = 0; c < 256; c++) {
        int t = go[s * 256 + c];
        if (t < 0) {
          go[s * 256 + c] = go[fail[s] * 256 + c];
        } else {
          fail[t] = go[fail[s] * 256 + c];
          queue.add(t);
        }
      }
    }
    this.next = Arrays.copyOf(go, states * 256);
    this.output = Arrays.copyOf(out, states);
    this.weakId = Arrays.copyOf(weak, states);
    this.weakPatterns = weakCount;
  }

  private static void add(List<byte[]> patterns, List<Integer> kinds, byte[] p, int kind) {
    patterns.add(p);
    kinds.add(kind);
  }

  private static int fold(int b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  /** Whether {@code body} shows any sign of math. */
  public boolean test(byte[] body) {
    return test(body, 0, body.length);
  }

  public boolean test(byte[] body, int from, int to) {
    int[] next = this.next;
    byte[] output = this.output;
    int s = 0;
    boolean inside = false; // a script or style body
    boolean inTag = false;
    long[] seen = null;
    int weak = 0;
    for (int i = from; i < to; i++) {
      int b = body[i] & 0xff;
      s = next[(s << 8) | (b >= 'A' && b <= 'Z' ? b + 32 : b)];
      int o = output[s];
      if (o != 0) {
        if ((o & ALWAYS) != 0) {
          return true;
        }
        if ((o & TAG_START) != 0) {
          inTag = true;
        } else if ((o & TAG_END) != 0) {
          inTag = false;
        }
        if ((o & OPEN) != 0) {
          inside = true;
        } else if ((o & CLOSE) != 0) {
          inside = false;
        } else if (!inside) {
          if ((o & STRONG) != 0) {
            return true;
          }
          int id = weakId[s];
          if (id >= 0 && !inTag) {
            if (seen == null) {
              seen = new long[(weakPatterns + 63) / 64];
            }
            long bit = 1L << (id & 63);
            if ((seen[id >>> 6] & bit) == 0) {
              seen[id >>> 6] |= bit;
              if (++weak >= WEAK_NEEDED) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }
}

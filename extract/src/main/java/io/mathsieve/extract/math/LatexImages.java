package io.mathsieve.extract.math;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Images that render LaTeX: Sphinx {@code imgmath} ({@code img.math}, {@code _images/math/}),
 * latex2html (alt text in TeX delimiters), WordPress {@code latex.php}, CodeCogs, mimeTeX/mathTeX
 * {@code .cgi}, Google Chart {@code cht=tx}, and any image with class {@code latex} or {@code tex}.
 * The LaTeX is the alt text when it looks like LaTeX (its delimiters removed), else it is decoded
 * from the image URL.
 *
 * <pre>{@code
 * <img src="https://s0.wp.com/latex.php?latex=x%5E2&bg=fff" alt="x^2" class="latex">   gives  x^2
 * <img src="https://latex.codecogs.com/png.latex?%5Cfrac%7B1%7D%7B2%7D" alt="">        gives  \frac{1}{2}
 * <img class="math" src="../_images/math/1425cd9d.png" alt="\int f(x) \mathrm{d}x">      gives  \int f(x) \mathrm{d}x
 * <IMG WIDTH="41" SRC="img12.png" ALT="$x^2+1$">                                        gives  x^2+1
 * }</pre>
 */
public final class LatexImages {
  private LatexImages() {}

  /** The LaTeX of {@code img}, or empty when it is not a LaTeX image. */
  public static Optional<String> latexOf(Element img) {
    String src = img.attr("src");
    String lowerSrc = src.toLowerCase(Locale.ROOT);
    String cls = img.className().toLowerCase(Locale.ROOT);
    String alt = img.attr("alt").trim();
    // latex2html and many hand-made pages: the alt text is TeX in its own delimiters.
    String delimited = stripDelimiters(alt);
    if (delimited != null) {
      return Optional.of(delimited);
    }
    // Sphinx imgmath/pngmath: <img class="math" src="_images/math/<hash>.png" alt="TeX">; the alt is always the source.
    if ((hasToken(cls, "math") || lowerSrc.contains("_images/math/")) && !alt.isEmpty()) {
      return Optional.of(alt);
    }
    boolean wordpress = lowerSrc.contains("latex.php");
    boolean byUrl = wordpress || lowerSrc.contains("codecogs.com") || lowerSrc.contains("tex.cgi") || lowerSrc.contains("mathtex.cgi")
        || lowerSrc.contains("mimetex") || lowerSrc.contains("/latex.svg?") || lowerSrc.contains("chart.googleapis.com/chart?cht=tx")
        || lowerSrc.contains("chart.apis.google.com/chart?cht=tx") || lowerSrc.contains("/cgi-bin/mathtex");
    boolean byClass = hasToken(cls, "latex") || hasToken(cls, "tex") || hasToken(cls, "ql-img-inline-formula") || hasToken(cls, "mathtex")
        || hasToken(cls, "mimetex") || hasToken(cls, "equation") || hasToken(cls, "tex-image");
    if (!byUrl && !byClass) {
      return Optional.empty();
    }
    if (!alt.isEmpty() && looksLikeLatex(alt)) {
      return Optional.of(alt);
    }
    String fromUrl = fromUrl(src, wordpress);
    if (fromUrl != null && !fromUrl.isBlank()) {
      return Optional.of(fromUrl.trim());
    }
    return alt.isEmpty() ? Optional.empty() : Optional.of(alt);
  }

  /** Whether the alt text was display math ({@code \[..\]}, {@code $$..$$}, a displaymath environment). */
  public static boolean isDisplayAlt(Element img) {
    String alt = img.attr("alt").trim();
    return alt.startsWith("$$") || alt.startsWith("\\[") || alt.startsWith("\\begin{displaymath}") || alt.startsWith("\\begin{equation");
  }

  /**
   * TeX inside delimiters: {@code $..$}, {@code $$..$$}, {@code \(..\)}, {@code \[..\]}, and the
   * {@code displaymath}/{@code equation} environments latex2html writes; else null. The inside must
   * not itself contain a {@code $}, so a price list such as "$5 or $6" is not taken for TeX.
   */
  static String stripDelimiters(String alt) {
    String[][] pairs = {{"$$", "$$"}, {"\\[", "\\]"}, {"\\(", "\\)"}, {"$", "$"}, {"\\begin{displaymath}", "\\end{displaymath}"},
      {"\\begin{equation*}", "\\end{equation*}"}, {"\\begin{equation}", "\\end{equation}"}};
    for (String[] p : pairs) {
      if (alt.length() > p[0].length() + p[1].length() && alt.startsWith(p[0]) && alt.endsWith(p[1])) {
        String inner = alt.substring(p[0].length(), alt.length() - p[1].length()).trim();
        if (!inner.isEmpty() && inner.indexOf('$') < 0) {
          return inner;
        }
        return null;
      }
    }
    return null;
  }

  /** Alt text that is LaTeX rather than a description ("formula", "image"): has TeX syntax or is short. */
  static boolean looksLikeLatex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '^' || c == '_' || c == '{' || c == '=' || c == '+') {
        return true;
      }
    }
    return s.length() <= 12 && !s.equalsIgnoreCase("latex") && !s.equalsIgnoreCase("formula") && !s.equalsIgnoreCase("image");
  }

  private static String fromUrl(String src, boolean wordpress) {
    int q = src.indexOf('?');
    if (q < 0) {
      return null;
    }
    String query = src.substring(q + 1);
    if (wordpress || query.startsWith("latex=") || query.contains("&latex=") || query.contains("chl=")) {
      String key = query.contains("chl=") ? "chl=" : "latex=";
      int at = query.startsWith(key) ? 0 : query.indexOf("&" + key) + 1;
      int end = query.indexOf('&', at);
      String value = query.substring(at + key.length(), end < 0 ? query.length() : end);
      return percentDecode(value, true);
    }
    // CodeCogs and mimeTeX put the LaTeX as the whole query; '+' there is a plus sign.
    String value = query.replaceFirst("^\\\\(dpi|bg|fg)\\{[^}]*\\}\\s*", "");
    return percentDecode(value, false);
  }

  /** Percent-decoding; {@code plusIsSpace} for form-encoded query values. Bad escapes are kept as they are. */
  static String percentDecode(String s, boolean plusIsSpace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /** Whether the class list holds {@code token} as a whole class (no regex split: this runs for every image). */
  private static boolean hasToken(String classes, String token) {
    int len = token.length();
    for (int at = classes.indexOf(token); at >= 0; at = classes.indexOf(token, at + 1)) {
      boolean startsClass = at == 0 || Character.isWhitespace(classes.charAt(at - 1));
      boolean endsClass = at + len == classes.length() || Character.isWhitespace(classes.charAt(at + len));
      if (startsClass && endsClass) {
        return true;
      }
    }
    return false;
  }
}

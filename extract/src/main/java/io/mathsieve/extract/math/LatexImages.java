package io.mathsieve.extract.math;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Images that render LaTeX: WordPress {@code latex.php}, CodeCogs, mimeTeX/mathTeX {@code .cgi},
 * and any image with class {@code latex} or {@code tex}. The LaTeX is the alt text when it looks
 * like LaTeX, else it is decoded from the image URL.
 *
 * <pre>{@code
 * <img src="https://s0.wp.com/latex.php?latex=x%5E2&bg=fff" alt="x^2" class="latex">   gives  x^2
 * <img src="https://latex.codecogs.com/png.latex?%5Cfrac%7B1%7D%7B2%7D" alt="">        gives  \frac{1}{2}
 * }</pre>
 */
public final class LatexImages {
  private LatexImages() {}

  /** The LaTeX of {@code img}, or empty when it is not a LaTeX image. */
  public static Optional<String> latexOf(Element img) {
    String src = img.attr("src");
    String lowerSrc = src.toLowerCase(Locale.ROOT);
    String cls = img.className().toLowerCase(Locale.ROOT);
    boolean wordpress = lowerSrc.contains("latex.php");
    boolean byUrl = wordpress || lowerSrc.contains("codecogs.com") || lowerSrc.contains("tex.cgi") || lowerSrc.contains("mathtex.cgi")
        || lowerSrc.contains("/latex.svg?") || lowerSrc.contains("chart.googleapis.com/chart?cht=tx");
    boolean byClass = hasToken(cls, "latex") || hasToken(cls, "tex") || hasToken(cls, "ql-img-inline-formula");
    if (!byUrl && !byClass) {
      return Optional.empty();
    }
    String alt = img.attr("alt").trim();
    if (!alt.isEmpty() && looksLikeLatex(alt)) {
      return Optional.of(alt);
    }
    String fromUrl = fromUrl(src, wordpress);
    if (fromUrl != null && !fromUrl.isBlank()) {
      return Optional.of(fromUrl.trim());
    }
    return alt.isEmpty() ? Optional.empty() : Optional.of(alt);
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

  private static boolean hasToken(String classes, String token) {
    for (String t : classes.split("\\s+")) {
      if (t.equals(token)) {
        return true;
      }
    }
    return false;
  }
}

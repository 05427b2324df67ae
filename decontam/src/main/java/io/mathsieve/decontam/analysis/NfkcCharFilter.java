package io.mathsieve.decontam.analysis;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import org.apache.lucene.analysis.CharFilter;

/**
 * Unicode NFKC before tokenising: full-width digits and letters, ligatures, superscript digits and
 * compatibility forms become their plain equivalents ({@code ＡＢ１２} is {@code AB12}, {@code x²}
 * is {@code x2}), so that a benchmark item and a page that typed it differently still match. Reads
 * the whole input (one document) once; text already in NFKC is not copied.
 */
public final class NfkcCharFilter extends CharFilter {
  private String text;
  private int pos;

  public NfkcCharFilter(Reader in) {
    super(in);
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff; // offsets are not used: tokens are compared, never highlighted
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (text == null) {
      StringBuilder all = new StringBuilder();
      char[] b = new char[4096];
      for (int n; (n = input.read(b)) > 0; ) {
        all.append(b, 0, n);
      }
      String s = all.toString();
      text = Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
    if (pos >= text.length()) {
      return -1;
    }
    int n = Math.min(len, text.length() - pos);
    text.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }
}

package io.mathsieve.decontam.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;

/**
 * The one normalisation used to index benchmark items and to scan documents: NFKC, then
 * {@link MathTextTokenizer}, then lower case. A Lucene analyzer, so its per-thread components are
 * reused from document to document.
 *
 * <pre>{@code
 * DecontamAnalyzer.tokens("Let $\\frac{1}{2}$ be...")  // [let, \frac, {, 1, }, {, 2, }, be]
 * }</pre>
 */
public final class DecontamAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new MathTextTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new NfkcCharFilter(reader);
  }

  /** The tokens of {@code text}, as strings: for tests, audits and small inputs. */
  public static java.util.List<String> tokens(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (DecontamAnalyzer a = new DecontamAnalyzer(); TokenStream ts = a.tokenStream("text", text)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute t = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}

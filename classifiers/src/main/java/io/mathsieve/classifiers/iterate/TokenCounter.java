package io.mathsieve.classifiers.iterate;

import java.io.Serializable;

/**
 * How many tokens a page counts for against the collection budget. Pluggable: until real token
 * counts exist (the export stage's tokenizer), {@link #ESTIMATE} is used.
 */
@FunctionalInterface
public interface TokenCounter extends Serializable {
  long tokens(int textChars, String lang);

  /**
   * A documented estimate from the full text length: about 4 chars a token for alphabetic
   * languages, and 0.65 tokens a char for Chinese, Japanese and Korean (BPE tokenizers with large
   * vocabularies, like DeepSeek's, give roughly these ratios on web text); at least 1.
   */
  TokenCounter ESTIMATE = perChar(TokenCounter.ESTIMATE_PER_CHAR, TokenCounter.ESTIMATE_PER_CJK_CHAR);

  /** The estimate's tokens per char of alphabetic text. */
  double ESTIMATE_PER_CHAR = 0.25;

  /** The estimate's tokens per char of Chinese, Japanese and Korean. */
  double ESTIMATE_PER_CJK_CHAR = 0.65;

  /**
   * Tokens as a rate per char, one for Chinese, Japanese and Korean and one for everything else;
   * at least 1. The build measures both rates with the real tokenizer on a sample of pages.
   */
  static TokenCounter perChar(double tokensPerChar, double tokensPerCjkChar) {
    if (!(tokensPerChar > 0) || !(tokensPerCjkChar > 0)) {
      throw new IllegalArgumentException("token rates must be positive: " + tokensPerChar + ", " + tokensPerCjkChar);
    }
    return (chars, lang) -> Math.max(1, (long) Math.ceil(chars * (isCjk(lang) ? tokensPerCjkChar : tokensPerChar) - 1e-9));
  }

  /** Whether {@code lang} is written mostly without spaces in CJK scripts (its tokens per char differ). */
  static boolean isCjk(String lang) {
    return "zh".equals(lang) || "ja".equals(lang) || "ko".equals(lang) || "wuu".equals(lang) || "yue".equals(lang);
  }
}

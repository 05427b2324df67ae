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
  TokenCounter ESTIMATE = (chars, lang) -> {
    boolean cjk = "zh".equals(lang) || "ja".equals(lang) || "ko".equals(lang) || "wuu".equals(lang) || "yue".equals(lang);
    return Math.max(1, cjk ? Math.round(chars * 0.65) : (chars + 3) / 4);
  };
}

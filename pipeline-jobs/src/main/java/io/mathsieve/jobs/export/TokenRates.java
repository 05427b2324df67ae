package io.mathsieve.jobs.export;

import io.mathsieve.classifiers.iterate.TokenCounter;
import io.mathsieve.jobs.store.FlinkInputFile;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.store.StoreRow;
import java.io.IOException;
import java.util.List;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Tokens per char, measured with the real tokenizer on the first pages of the pages store (whole
 * texts only), separately for CJK and other languages: turns each page's length into the tokens
 * it counts for against the classifier's budget, so the budget is in the trainer's tokens without
 * tokenizing every page in every iteration. A group with no sampled page keeps the documented
 * estimate's rate.
 *
 * @param tokensPerChar rate for non-CJK text
 * @param tokensPerCjkChar rate for Chinese, Japanese, Korean
 * @param pages pages sampled (non-CJK)
 * @param cjkPages pages sampled (CJK)
 */
public record TokenRates(double tokensPerChar, double tokensPerCjkChar, long pages, long cjkPages) {
  static final double DEFAULT_PER_CHAR = TokenCounter.ESTIMATE_PER_CHAR;
  static final double DEFAULT_PER_CJK_CHAR = TokenCounter.ESTIMATE_PER_CJK_CHAR;

  public TokenCounter counter() {
    return TokenCounter.perChar(tokensPerChar, tokensPerCjkChar);
  }

  /**
   * The rates of the configured tokenizer ({@code export.tokenizer}) on up to {@code
   * export.token-sample-pages} pages of {@code pagesStore}: what {@code build}, {@code iterate} and
   * {@code score} all count a page's tokens with, so one {@code --budget-tokens} picks the same
   * pages in each.
   */
  public static TokenRates measure(Path pagesStore, io.mathsieve.jobs.config.ExportConfig export) throws IOException {
    TokenizerSpec spec = TokenizerSpec.resolve(export.tokenizer(), export.hfEndpoint(), TokenizerSpec.cacheDir());
    return measure(pagesStore, TokenizerCache.get(spec), export.tokenSamplePages());
  }

  /** Tokens per page with the rates {@link #measure(Path, io.mathsieve.jobs.config.ExportConfig)} finds in a local pages store. */
  public static TokenCounter counter(java.nio.file.Path pagesStore, io.mathsieve.jobs.config.ExportConfig export) throws IOException {
    return measure(new Path(pagesStore.toUri()), export).counter();
  }

  /** Measures the rates on up to {@code samplePages} pages of {@code pagesStore}. */
  public static TokenRates measure(Path pagesStore, CorpusTokenizer tokenizer, int samplePages) throws IOException {
    long[] chars = new long[2];
    long[] tokens = new long[2];
    long[] pages = new long[2];
    int seen = 0;
    for (Path f : StoreReader.files(pagesStore)) {
      try (ParquetReader<StoreRow> reader = StoreReader.open(new FlinkInputFile(f), List.of("text", "lang", "text_truncated"))) {
        for (StoreRow row; seen < samplePages && (row = reader.read()) != null; ) {
          if (row.bool("text_truncated")) {
            continue;
          }
          String text = row.string("text");
          int g = TokenCounter.isCjk(row.string("lang")) ? 1 : 0;
          chars[g] += text.length();
          tokens[g] += tokenizer.count(text);
          pages[g]++;
          seen++;
        }
      }
      if (seen >= samplePages) {
        break;
      }
    }
    return new TokenRates(chars[0] == 0 ? DEFAULT_PER_CHAR : (double) tokens[0] / chars[0],
        chars[1] == 0 ? DEFAULT_PER_CJK_CHAR : (double) tokens[1] / chars[1], pages[0], pages[1]);
  }
}

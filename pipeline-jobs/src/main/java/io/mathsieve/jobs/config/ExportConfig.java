package io.mathsieve.jobs.config;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * How the corpus is written: the tokenizer that counts tokens and the size of the files trainers
 * shard by.
 *
 * @param tokenizer {@code deepseek-v3} (bundled), {@code hf:ORG/NAME[@REV]} or a tokenizer.json path
 * @param hfEndpoint the Hugging Face hub for {@code hf:} tokenizers
 * @param targetFileBytes corpus files roll over at about this size
 * @param rowGroupBytes Parquet row group size (at most {@code targetFileBytes})
 * @param tokenSamplePages pages tokenized to turn text length into tokens for the classifier's budget
 * @param sortMemoryBytes rows a file writer holds in memory before it sorts externally
 * @param values the effective settings
 */
public record ExportConfig(String tokenizer, String hfEndpoint, long targetFileBytes, long rowGroupBytes, int tokenSamplePages,
    long sortMemoryBytes, Map<String, String> values) implements OptionSet, Serializable {
  public static final ConfigOption<String> TOKENIZER =
      ConfigOption.stringOption("export.tokenizer", "deepseek-v3",
          "Tokenizer for token_count: `deepseek-v3` (the DeepSeek-V3 tokenizer.json shipped in the job jar), `hf:ORG/NAME` or "
              + "`hf:ORG/NAME@REVISION` (downloaded once from the hub; HF_TOKEN for gated models), or a tokenizer.json path every "
              + "TaskManager can read.");
  public static final ConfigOption<String> HF_ENDPOINT =
      ConfigOption.stringOption("export.hf-endpoint", "https://huggingface.co", "The Hugging Face hub `hf:` tokenizers come from.")
          .checked(s -> s.startsWith("http://") || s.startsWith("https://"), "an http(s) URL");
  public static final ConfigOption<Long> TARGET_FILE_BYTES =
      ConfigOption.longOption("export.target-file-bytes", 512L << 20,
              "Corpus files roll over once they reach this size (bytes), so trainers can shard by file; the number of hash buckets "
                  + "is chosen from the corpus size so that most files are close to it.")
          .atLeast(16 << 10);
  public static final ConfigOption<Long> ROW_GROUP_BYTES =
      ConfigOption.longOption("export.row-group-bytes", 64L << 20,
              "Parquet row group size of corpus files (bytes; capped at export.target-file-bytes): what a streaming reader holds "
                  + "in memory at once.")
          .atLeast(16 << 10);
  public static final ConfigOption<Integer> TOKEN_SAMPLE_PAGES =
      ConfigOption.intOption("export.token-sample-pages", 2000,
              "Pages of the pages store tokenized before the classifier runs, to measure tokens per char (CJK and other text) for "
                  + "the collection budget; the corpus itself counts every document.")
          .atLeast(1);

  public static final ConfigOption<Long> SORT_MEMORY_BYTES =
      ConfigOption.longOption("export.sort-memory-bytes", 256L << 20,
              "Memory (bytes, estimated) each corpus file writer gives a hash bucket's rows; a bucket above it is sorted by doc id "
                  + "externally, through sorted runs in the TaskManager's temporary directory. Changes memory and disk use, not the "
                  + "files written.")
          .atLeast(16 << 10);

  public static final List<ConfigOption<?>> OPTIONS =
      List.of(TOKENIZER, HF_ENDPOINT, TARGET_FILE_BYTES, ROW_GROUP_BYTES, TOKEN_SAMPLE_PAGES, SORT_MEMORY_BYTES);

  public static ExportConfig from(Settings s) {
    return new ExportConfig(s.get(TOKENIZER), s.get(HF_ENDPOINT), s.get(TARGET_FILE_BYTES), s.get(ROW_GROUP_BYTES), s.get(TOKEN_SAMPLE_PAGES),
        s.get(SORT_MEMORY_BYTES), OptionSet.values(s, OPTIONS));
  }

  /** The row group size used: at most the file size. */
  public long effectiveRowGroupBytes() {
    return Math.min(rowGroupBytes, targetFileBytes);
  }
}

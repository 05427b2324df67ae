package io.mathsieve.classifiers.math;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The math classifier: fastText hyper-parameters (DeepSeekMath's by default) and its input.
 *
 * @param dim vector dimension
 * @param lr learning rate
 * @param wordNgrams word n-gram length
 * @param minCount minimum word count
 * @param epoch training epochs
 * @param bucket hash buckets for word n-grams (model size is about {@code bucket × dim × 4} bytes)
 * @param threads training threads (1 makes training deterministic)
 * @param maxChars chars of a page's text the classifier reads
 * @param quantize whether to save a quantized {@code .ftz} model as well
 * @param values the effective settings
 */
public record ClassifierConfig(
    int dim, double lr, int wordNgrams, int minCount, int epoch, int bucket, int threads, int maxChars, boolean quantize,
    Map<String, String> values) implements OptionSet, Serializable {

  public static final ConfigOption<Integer> DIM = ConfigOption.intOption("classify.dim", 256, "fastText vector dimension (DeepSeekMath: 256).").between(2, 1024);
  public static final ConfigOption<Double> LR = ConfigOption.doubleOption("classify.lr", 0.1, "fastText learning rate (DeepSeekMath: 0.1).").between(0.0001, 5);
  public static final ConfigOption<Integer> WORD_NGRAMS =
      ConfigOption.intOption("classify.word-ngrams", 3, "fastText word n-gram length (DeepSeekMath: 3).").between(1, 6);
  public static final ConfigOption<Integer> MIN_COUNT =
      ConfigOption.intOption("classify.min-count", 3, "Words seen fewer times in training are ignored (DeepSeekMath: 3).").atLeast(1);
  public static final ConfigOption<Integer> EPOCH = ConfigOption.intOption("classify.epoch", 3, "fastText training epochs (DeepSeekMath: 3).").between(1, 1000);
  public static final ConfigOption<Integer> BUCKET = ConfigOption.intOption("classify.bucket", 1_000_000,
          "Hash buckets for word n-grams. The model is about bucket x dim x 4 bytes: fastText's default 2M buckets at dim 256 make a "
              + "2 GB model that every TaskManager must load; 1M (1 GB) keeps most of the n-gram capacity. Small data can use 100000.")
      .between(1000, 4_000_000);
  public static final ConfigOption<Integer> THREADS = ConfigOption.intOption("classify.threads", 1,
          "Training threads. fastText with more than one thread is faster but not deterministic; 1 gives the same model for the same input.")
      .between(1, 64);
  public static final ConfigOption<Integer> MAX_CHARS = ConfigOption.intOption("classify.max-chars", 6000,
          "Chars of a page's text the classifier reads (in training and scoring alike): bounds scoring cost, which is linear in length.")
      .between(100, 1_000_000);
  public static final ConfigOption<Boolean> QUANTIZE = ConfigOption.booleanOption("classify.quantize", false,
      "Also write a quantized model (.ftz, ~100x smaller, slightly less accurate) and score with it.");

  public static final List<ConfigOption<?>> OPTIONS = List.of(DIM, LR, WORD_NGRAMS, MIN_COUNT, EPOCH, BUCKET, THREADS, MAX_CHARS, QUANTIZE);

  public static ClassifierConfig from(Settings s) {
    return new ClassifierConfig(s.get(DIM), s.get(LR), s.get(WORD_NGRAMS), s.get(MIN_COUNT), s.get(EPOCH), s.get(BUCKET), s.get(THREADS),
        s.get(MAX_CHARS), s.get(QUANTIZE), OptionSet.values(s, OPTIONS));
  }

  public static ClassifierConfig defaults() {
    return from(Settings.empty());
  }
}

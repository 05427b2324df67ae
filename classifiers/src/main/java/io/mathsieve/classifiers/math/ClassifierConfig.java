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
 * @param minTokenUpdates fewer training tokens × epochs than this and epochs are raised to reach it ({@link TrainingPlan})
 * @param maxEpoch the most epochs the raise may give
 * @param validationShare share of the training examples held out to validate the model on, when not cross-fitted
 * @param minAuc a model whose validation ROC-AUC is below this is not used
 * @param signals whether the extractor's math signals reach the model (feature tokens and the {@link ScoreCombiner})
 * @param crossFitMaxExamples a training set of at most this many examples is validated by cross-fitting, not a hold-out
 * @param folds the folds of cross-fitting
 * @param foldParallelism fold models trained side by side
 * @param smallSetLr the learning rate when the {@link TrainingPlan} raises epochs, or 0 to keep {@code lr}
 * @param values the effective settings
 */
public record ClassifierConfig(
    int dim, double lr, int wordNgrams, int minCount, int epoch, int bucket, int threads, int maxChars, boolean quantize,
    long minTokenUpdates, int maxEpoch, double validationShare, double minAuc, boolean signals,
    int crossFitMaxExamples, int folds, int foldParallelism, double smallSetLr, Map<String, String> values) implements OptionSet, Serializable {

  public static final ConfigOption<Integer> DIM = ConfigOption.intOption("classify.dim", 256, "fastText vector dimension (DeepSeekMath: 256).").between(2, 1024);
  public static final ConfigOption<Double> LR = ConfigOption.doubleOption("classify.lr", 0.1, "fastText learning rate (DeepSeekMath: 0.1).").between(0.0001, 5);
  public static final ConfigOption<Integer> WORD_NGRAMS =
      ConfigOption.intOption("classify.word-ngrams", 3, "fastText word n-gram length (DeepSeekMath: 3).").between(1, 6);
  public static final ConfigOption<Integer> MIN_COUNT =
      ConfigOption.intOption("classify.min-count", 3, "Words seen fewer times in training are ignored (DeepSeekMath: 3).").atLeast(1);
  public static final ConfigOption<Integer> EPOCH = ConfigOption.intOption("classify.epoch", 3, "fastText training epochs (DeepSeekMath: 3).").between(1, 1000);
  public static final ConfigOption<Integer> BUCKET = ConfigOption.intOption("classify.bucket", 1_000_000,
          "Hash buckets for word n-grams. The model is about bucket x dim x 4 bytes: fastText's default 2M buckets at dim 256 make a "
              + "2 GB model that every TaskManager must load; 1M (1 GB) keeps most of the n-gram capacity. A training set of fewer tokens "
              + "trains with as many buckets as tokens (at least 100000).")
      .between(1000, 4_000_000);
  public static final ConfigOption<Integer> THREADS = ConfigOption.intOption("classify.threads", 1,
          "Training threads. fastText with more than one thread is faster but not deterministic; 1 gives the same model for the same input.")
      .between(1, 64);
  public static final ConfigOption<Integer> MAX_CHARS = ConfigOption.intOption("classify.max-chars", 6000,
          "Chars of a page's text the classifier reads (in training and scoring alike): bounds scoring cost, which is linear in length.")
      .between(100, 1_000_000);
  public static final ConfigOption<Boolean> QUANTIZE = ConfigOption.booleanOption("classify.quantize", false,
      "Also write a quantized model (.ftz, ~100x smaller, slightly less accurate) and score with it.");

  public static final ConfigOption<Long> MIN_TOKEN_UPDATES = ConfigOption.longOption("classify.min-token-updates", 10_000_000,
          "DeepSeekMath's 3 epochs suit 500k + 500k documents; a seed of a few hundred pages learns nothing in 3 passes. When training "
              + "tokens x classify.epoch is below this, epochs are raised to reach it (at most classify.max-epoch). 0 keeps classify.epoch.")
      .atLeast(0);
  public static final ConfigOption<Integer> MAX_EPOCH =
      ConfigOption.intOption("classify.max-epoch", 100, "The most epochs classify.min-token-updates may raise training to.").between(1, 1000);
  public static final ConfigOption<Double> VALIDATION_SHARE = ConfigOption.doubleOption("classify.validation-share", 0.2,
          "For a training set too large to cross-fit (classify.cross-fit-max-examples): the share of the positives and of the negatives "
              + "held out of training (by a hash of the example, so the same ones each run) to validate the model, fit the score combiner "
              + "and choose the threshold. The held-out examples stay out of the model.")
      .between(0.02, 0.5);
  public static final ConfigOption<Double> MIN_AUC = ConfigOption.doubleOption("classify.min-auc", 0.75,
      "A model whose fastText ROC-AUC on the validated examples is below this has not learned math from other pages: the iteration stops "
          + "before it collects anything.").between(0.5, 1);
  public static final ConfigOption<Boolean> SIGNALS = ConfigOption.booleanOption("classify.signals", true,
      "Give the model the extractor's math signals (formula counts by kind, math markup): as feature tokens in the fastText input, and "
          + "through a logistic combiner of the fastText score and the signals, fitted on the validated examples.");

  public static final ConfigOption<Integer> CROSS_FIT_MAX_EXAMPLES = ConfigOption.intOption("classify.cross-fit-max-examples", 20_000,
      "A training set of at most this many examples is validated by cross-fitting instead of a hold-out: classify.folds models, each "
          + "trained without one fold, score that fold, so every example is validated and the combiner and threshold are fitted on all "
          + "of them; the model that scores is then trained on every example but the sampled negatives that score as math. It "
          + "costs classify.folds more trainings: about a minute per iteration for a seed of a hundred pages on 2 cores. 0 always holds "
          + "out classify.validation-share.").atLeast(0);
  public static final ConfigOption<Integer> FOLDS =
      ConfigOption.intOption("classify.folds", 5, "Folds of cross-fitting (classify.cross-fit-max-examples).").between(2, 20);

  public static final ConfigOption<Integer> FOLD_PARALLELISM = ConfigOption.intOption("classify.fold-parallelism", 2,
      "Fold models of cross-fitting trained side by side, one thread each, so the models are the same as trained one after another. "
          + "Each holds its own model in native memory while it trains.").between(1, 20);
  public static final ConfigOption<Double> SMALL_SET_LR = ConfigOption.doubleOption("classify.small-set-lr", 0.5,
      "The learning rate for a training set small enough that classify.min-token-updates raises its epochs. DeepSeekMath's 0.1 "
          + "suits a million documents; a few hundred pages at 0.1 end with every score between 0.35 and 0.6 even after 30 epochs "
          + "(fastText's own tutorial trains a small set at 0.5 to 1.0). 0 keeps classify.lr.").between(0, 5);

  public static final List<ConfigOption<?>> OPTIONS = List.of(DIM, LR, WORD_NGRAMS, MIN_COUNT, EPOCH, BUCKET, THREADS, MAX_CHARS, QUANTIZE,
      MIN_TOKEN_UPDATES, MAX_EPOCH, VALIDATION_SHARE, MIN_AUC, SIGNALS, CROSS_FIT_MAX_EXAMPLES, FOLDS, FOLD_PARALLELISM, SMALL_SET_LR);

  public static ClassifierConfig from(Settings s) {
    return new ClassifierConfig(s.get(DIM), s.get(LR), s.get(WORD_NGRAMS), s.get(MIN_COUNT), s.get(EPOCH), s.get(BUCKET), s.get(THREADS),
        s.get(MAX_CHARS), s.get(QUANTIZE), s.get(MIN_TOKEN_UPDATES), s.get(MAX_EPOCH), s.get(VALIDATION_SHARE), s.get(MIN_AUC), s.get(SIGNALS),
        s.get(CROSS_FIT_MAX_EXAMPLES), s.get(FOLDS), s.get(FOLD_PARALLELISM), s.get(SMALL_SET_LR), OptionSet.values(s, OPTIONS));
  }

  /** These settings with fastText trained for {@code epochs} epochs at {@code rate} with {@code buckets} buckets (the {@link TrainingPlan}'s choice). */
  public ClassifierConfig withTraining(int epochs, double rate, int buckets) {
    return new ClassifierConfig(dim, rate, wordNgrams, minCount, epochs, buckets, threads, maxChars, quantize, minTokenUpdates, maxEpoch,
        validationShare, minAuc, signals, crossFitMaxExamples, folds, foldParallelism, smallSetLr, values);
  }

  public static ClassifierConfig defaults() {
    return from(Settings.empty());
  }
}

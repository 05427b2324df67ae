package io.mathsieve.classifiers.math;

/**
 * How long fastText trains on a given training set. DeepSeekMath's 3 epochs over a million
 * documents are billions of token updates; the same 3 epochs over a few hundred seed pages are
 * well under a million, and the model stays at its initial 0.5 for every page. So when training
 * tokens × epochs falls below {@code classify.min-token-updates}, epochs are raised to reach it,
 * up to {@code classify.max-epoch}. Large seeds keep the configured epochs exactly.
 *
 * <p>Such a set also trains at {@code classify.small-set-lr} (0.5) instead of DeepSeekMath's 0.1:
 * at 0.1 a few hundred pages end with every score between 0.35 and 0.6, and their cross-fitted
 * ROC-AUC on real pages is 0.88 against 0.93 at 0.5.
 *
 * <p>The n-gram hash table shrinks with the data too: a training set of T tokens has fewer than T
 * distinct word n-grams of each length, so more than {@code max(100k, T)} buckets only cost memory
 * (the model is buckets × dim × 4 bytes: 1 GB at the default 1M × 256, for a seed of 200 pages).
 *
 * @param examples training examples (held-out ones not counted)
 * @param tokens words in them
 * @param configuredEpoch {@code classify.epoch}
 * @param epoch the epochs trained
 * @param lr the learning rate trained at
 * @param reason why {@code epoch} and {@code lr} differ from {@code configuredEpoch}, or {@code "as configured"}
 * @param bucket the n-gram hash buckets trained with ({@code classify.bucket} at most)
 */
public record TrainingPlan(long examples, long tokens, int configuredEpoch, int epoch, double lr, String reason, int bucket) {
  /** The fewest buckets the plan gives. */
  public static final int MIN_BUCKET = 100_000;

  public static TrainingPlan of(long examples, long tokens, ClassifierConfig c) {
    int bucket = (int) Math.min(c.bucket(), Math.max(MIN_BUCKET, tokens));
    long updates = tokens * c.epoch();
    if (c.minTokenUpdates() == 0 || updates >= c.minTokenUpdates() || tokens == 0) {
      return new TrainingPlan(examples, tokens, c.epoch(), c.epoch(), c.lr(), "as configured", bucket);
    }
    long needed = (c.minTokenUpdates() + tokens - 1) / tokens;
    int epoch = (int) Math.min(Math.max(c.maxEpoch(), c.epoch()), Math.max(c.epoch(), needed));
    double lr = c.smallSetLr() > 0 ? c.smallSetLr() : c.lr();
    return new TrainingPlan(examples, tokens, c.epoch(), epoch, lr,
        String.format(java.util.Locale.ROOT, "%d tokens x %d epochs is under classify.min-token-updates %d%s", tokens, c.epoch(), c.minTokenUpdates(),
            lr != c.lr() ? "; lr " + lr + " (classify.small-set-lr)" : ""),
        bucket);
  }

  /** The settings fastText trains with. */
  public ClassifierConfig apply(ClassifierConfig c) {
    return c.withTraining(epoch, lr, bucket);
  }
}

package io.mathsieve.classifiers.math;

/**
 * How long fastText trains on a given training set. DeepSeekMath's 3 epochs over a million
 * documents are billions of token updates; the same 3 epochs over a few hundred seed pages are
 * well under a million, and the model stays at its initial 0.5 for every page. So when training
 * tokens × epochs falls below {@code classify.min-token-updates}, epochs are raised to reach it,
 * up to {@code classify.max-epoch}. Large seeds keep the configured epochs exactly.
 *
 * @param examples training examples (held-out ones not counted)
 * @param tokens words in them
 * @param configuredEpoch {@code classify.epoch}
 * @param epoch the epochs trained
 * @param reason why {@code epoch} differs from {@code configuredEpoch}, or {@code "as configured"}
 */
public record TrainingPlan(long examples, long tokens, int configuredEpoch, int epoch, String reason) {

  public static TrainingPlan of(long examples, long tokens, ClassifierConfig c) {
    long updates = tokens * c.epoch();
    if (c.minTokenUpdates() == 0 || updates >= c.minTokenUpdates() || tokens == 0) {
      return new TrainingPlan(examples, tokens, c.epoch(), c.epoch(), "as configured");
    }
    long needed = (c.minTokenUpdates() + tokens - 1) / tokens;
    int epoch = (int) Math.min(Math.max(c.maxEpoch(), c.epoch()), Math.max(c.epoch(), needed));
    return new TrainingPlan(examples, tokens, c.epoch(), epoch,
        String.format(java.util.Locale.ROOT, "%d tokens x %d epochs is under classify.min-token-updates %d", tokens, c.epoch(), c.minTokenUpdates()));
  }
}

package io.mathsieve.classifiers.iterate;

/**
 * When the recall loop stops (DeepSeekMath stopped after 4 iterations, when ~98% of the data had
 * already been collected): after an iteration whose collection holds fewer than
 * {@code iterate.stop-new-share} pages that the previous one did not collect, at the iteration
 * limit, or when no new seed pages came out of the URL patterns (the next iteration would train on
 * the same examples and repeat this one).
 */
public final class StopRule {
  private StopRule() {}

  /** Why the loop stops after an iteration, or null to go on. */
  public static String reason(int iteration, int maxIterations, long collectedPages, long newPages, double stopNewShare) {
    if (iteration > 1 && newShare(collectedPages, newPages) < stopNewShare) {
      return "new share below " + stopNewShare;
    }
    if (iteration >= maxIterations) {
      return "iteration limit";
    }
    return null;
  }

  /** Decided after the seed grows: stop when it did not. */
  public static String afterSeedGrowth(long addedSeedPages) {
    return addedSeedPages == 0 ? "no new seed pages" : null;
  }

  /** Share of the collection that is new. */
  public static double newShare(long collectedPages, long newPages) {
    return collectedPages == 0 ? 0 : (double) newPages / collectedPages;
  }
}

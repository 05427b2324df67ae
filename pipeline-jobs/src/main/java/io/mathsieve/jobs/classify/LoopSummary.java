package io.mathsieve.jobs.classify;

import io.mathsieve.jobs.run.JobSummary;
import java.util.List;
import java.util.Map;

/**
 * A finished loop, as written to {@code workdir/iterations.json} and carried in a build's iterate
 * stage: every iteration's summary, the final model and threshold, and the settings it ran with.
 * The build reads it back strictly ({@link JobSummary#read}) when it reuses the stage.
 *
 * @param pages the pages store the loop scored
 * @param finalModel the last iteration's model file
 * @param config the {@code iterate.*} and {@code classify.*} settings, in that order
 */
public record LoopSummary(String pages, long pageCount, String started, List<IterationSummary> iterations, int finalIteration,
    String finalModel, double finalThreshold, Map<String, String> config, String configFingerprint) implements JobSummary {

  /**
   * A loop stopped by a degenerate model: the iterations before it, and the one whose model gave
   * every page about the same score. Nothing reads it back: the loop ended with an error.
   */
  record Stopped(String pages, long pageCount, String started, List<IterationSummary> iterations, IterationSummary.Degenerate degenerate,
      String stopped) implements JobSummary {}
}

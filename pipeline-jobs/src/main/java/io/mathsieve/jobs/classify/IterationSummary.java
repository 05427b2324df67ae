package io.mathsieve.jobs.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mathsieve.jobs.run.JobSummary;
import java.util.List;

/**
 * What one iteration of the loop did, as written to {@code iter-N/summary.json} and into
 * {@code iterations.json}: the model, the threshold and what it collected, the math domains and
 * accepted patterns, the seed's growth, and why the loop stopped or goes on. Read back strictly
 * ({@link JobSummary#read}) by the build and the report, so what is not known (labels, a combiner)
 * is written as null rather than left out.
 *
 * @param training the iteration's {@code training.json}
 * @param labelledPages labelled pages among the scored ones, or null without labels
 * @param precision collection precision on the labelled pages, or null without labels
 * @param recall collection recall on the labelled pages, or null without labels
 * @param scoreHistogram20 pages per score bin of width 0.05
 * @param stopped why the loop stopped after this iteration, or {@code "continuing"}
 */
public record IterationSummary(int iteration, String modelVersion, TrainingReport training, double threshold, String collection, long collectedPages,
    long collectedTokens, long newPages, double newShare, int mathDomains, List<DomainShare> topMathDomains, List<String> acceptedPatterns,
    long patternPositivesAdded, Long labelledPages, Double precision, Double recall,
    @JsonProperty("score_histogram_20") long[] scoreHistogram20, String stopped) implements JobSummary {

  /**
   * The summary of an iteration whose model was degenerate: the loop stopped before scoring, so
   * there is nothing collected to report.
   */
  public record Degenerate(int iteration, String modelVersion, TrainingReport training, String stopped) implements JobSummary {}

  /** A math domain: its pages, how many were collected and their share. */
  public record DomainShare(String domain, long pages, long collected, double share) {}
}

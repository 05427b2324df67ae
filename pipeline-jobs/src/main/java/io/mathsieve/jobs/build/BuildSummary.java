package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.JobSummary;
import java.util.List;
import java.util.Map;

/**
 * A finished build's {@code run.json}: the funnel from WARC records to corpus rows, every stage's
 * rejections by reason, the accounting check (records = corpus rows + rejections), and each stage's
 * result and time, with the config that made them.
 *
 * @param rejections rejections of every stage by reason key, none of them 0
 * @param stages by stage name, in stage order
 */
public record BuildSummary(String command, String output, String started, double durationSeconds, Funnel funnel, Map<String, Long> rejections,
    Accounting accounting, Map<String, Stage> stages, String extractorVersion, Map<String, String> config, String configFingerprint)
    implements JobSummary {

  /**
   * Pages at each step, WARC records to corpus rows.
   *
   * @param responseRecords response records, corrupt ones and unreadable regions of WARC files included
   * @param pagesExtracted pages that extraction kept, before URL and exact dedup
   */
  public record Funnel(long warcFiles, long responseRecords, long pagesExtracted, long pagesAfterUrlExactDedup, List<Collected> collectedPerIteration,
      long collected, long afterNearDedup, long afterDecontam, long corpusRows, long corpusTokens) {}

  /** What one iteration of the classifier collected, and how many of those the iteration before had not. */
  public record Collected(int iteration, long pages, long estimatedTokens, long newPages) {}

  /** Every record and unreadable region must end as a corpus row or a rejection. */
  public record Accounting(long responseRecordsAndUnreadableRegions, long corpusRowsPlusRejections, boolean balanced) {}

  /** One stage: whether this run reused it, how long it ran, and its result. */
  public record Stage(boolean skipped, double seconds, ObjectNode summary) {}

  /** The extract stage's summary, read strictly. */
  public ExtractSummary extractStage() {
    return JobSummary.read(stage("extract"), ExtractSummary.class, "the build summary's extract stage");
  }

  /** The iterate stage's result, the classifier loop's summary with it, read strictly. */
  public Iterated iterateStage() {
    return JobSummary.read(stage("iterate"), Iterated.class, "the build summary's iterate stage");
  }

  /** The decontam stage's summary, read strictly. */
  public DecontamReport decontamStage() {
    return JobSummary.read(stage("decontam"), DecontamReport.class, "the build summary's decontam stage");
  }

  /** A stage's summary as JSON; an error naming the stage when the build has none. */
  public ObjectNode stage(String name) {
    Stage s = stages.get(name);
    if (s == null) {
      throw new IllegalStateException("the build summary has no stage " + name + ", only " + stages.keySet());
    }
    return s.summary();
  }
}

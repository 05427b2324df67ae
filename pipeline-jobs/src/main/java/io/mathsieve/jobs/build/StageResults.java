package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.dedup.NearDedupSummary;
import io.mathsieve.jobs.export.ExportJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.select.SelectJob;

/**
 * What each stage of a build hands to the stages after it and to the funnel, in stage order. A
 * stage's result is also its summary: written into its completion marker and {@code run.json}
 * ({@link JobSummary#json}), and read back when the stage is skipped, so a resumed build carries
 * the same values. Extract, near-dedup and decontam hand over their jobs' own summaries
 * ({@link ExtractSummary}, {@link NearDedupSummary}, {@link DecontamReport}), iterate its loop's
 * ({@link Iterated}); select and export are below.
 * Each is read back strictly: a marker with a field missing or renamed does not read, and the
 * stage runs again.
 */
final class StageResults {
  private StageResults() {}

  static ExtractSummary extracted(ObjectNode marker) {
    return JobSummary.read(marker, ExtractSummary.class, "the extract stage's marker");
  }

  static NearDedupSummary nearDeduped(ObjectNode marker) {
    return JobSummary.read(marker, NearDedupSummary.class, "the near-dedup stage's marker");
  }

  static DecontamReport decontaminated(ObjectNode marker) {
    return JobSummary.read(marker, DecontamReport.class, "the decontam stage's marker");
  }

  /** The collected pages as corpus rows with their full text. */
  record Selected(long pages, long collected, long notCollected, long fullTextReread, long fullTextUnavailable, long textBytes)
      implements JobSummary {
    static Selected of(SelectJob.Result s) {
      return new Selected(s.pages(), s.selected(), s.notCollected(), s.reread(), s.fullTextUnavailable(), s.textBytes());
    }

    static Selected read(ObjectNode n) {
      return JobSummary.read(n, Selected.class, "the select stage's marker");
    }
  }

  /** The corpus shards. */
  record Exported(long rows, long tokens, long files, long buckets, long bytes) implements JobSummary {
    static Exported of(ExportJob.Result e) {
      return new Exported(e.rows(), e.tokens(), e.files().size(), e.buckets(), e.files().stream().mapToLong(f -> f.bytes()).sum());
    }

    static Exported read(ObjectNode n) {
      return JobSummary.read(n, Exported.class, "the export stage's marker");
    }
  }
}

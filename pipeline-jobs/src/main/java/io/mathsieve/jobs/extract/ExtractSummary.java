package io.mathsieve.jobs.extract;

import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.JobSummary;
import java.util.List;
import java.util.Map;

/**
 * The extract job's {@code run.json}: records read by WARC type, pages kept after URL and exact
 * dedup, formulas by markup, pages by language, rejections by reason, and the accounting check
 * (response records and unreadable regions = pages + rejections), with the config that made them.
 *
 * @param records WARC records by type, keyed by {@link Count#member()} of {@link Count#WARC_RECORDS}
 * @param formulas formulas by markup, keyed by {@link Count#member()} of {@link Count#FORMULAS}
 * @param rejections rejections by reason key ({@code dedup/url}, {@code warc/not_html}, ...)
 */
public record ExtractSummary(String command, String extractorVersion, String output, String started, double durationSeconds, long inputFiles,
    Map<String, Long> records, long pages, Map<String, Long> formulas, long pagesWithMathMarkup, Map<String, Long> languages,
    Map<String, Long> rejections, Accounting accounting, Map<String, String> config, String configFingerprint) implements JobSummary {

  /** Records that must each end as a page or a rejection, against those that did; per file only when they differ. */
  public record Accounting(long responseRecordsAndUnreadableRegions, long pagesPlusRejections, boolean balanced, List<UnbalancedFile> unbalancedFiles) {}

  /** One WARC file whose records and unreadable regions differ from its pages and rejections. */
  public record UnbalancedFile(String file, long recordsAndUnreadableRegions, long pagesPlusRejections) {}

  /** Response records, including the corrupt ones. */
  public long responseRecords() {
    return records(Count.WARC_RECORDS_RESPONSE);
  }

  public long corruptRecords() {
    return records(Count.WARC_RECORDS_CORRUPT);
  }

  /** Records of one of {@link Count#WARC_RECORDS}. */
  public long records(Count c) {
    Long n = records.get(c.member());
    if (n == null) {
      throw new IllegalArgumentException(c + " is not a WARC record count of the extract summary: " + records.keySet());
    }
    return n;
  }

  ExtractSummary withUnbalancedFiles(List<UnbalancedFile> files) {
    return new ExtractSummary(command, extractorVersion, output, started, durationSeconds, inputFiles, records, pages, formulas, pagesWithMathMarkup,
        languages, rejections, new Accounting(accounting.responseRecordsAndUnreadableRegions(), accounting.pagesPlusRejections(), accounting.balanced(),
        files), config, configFingerprint);
  }
}

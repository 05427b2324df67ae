package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.build.BuildSummary;
import io.mathsieve.jobs.extract.ExtractSummary;
import java.util.List;

/**
 * The accounting invariant as a command's exit code: every response record and unreadable region
 * is a page or a named rejection. When the summary says otherwise, the difference and the files it
 * comes from are printed and the command fails.
 */
final class Accounting {
  private Accounting() {}

  /** 0 when extract's records balance; else prints what is missing, per file, and returns 1. */
  static int check(ExtractSummary s) {
    ExtractSummary.Accounting a = s.accounting();
    return check("extract", a.balanced(), a.responseRecordsAndUnreadableRegions(), a.pagesPlusRejections(), a.unbalancedFiles());
  }

  /** 0 when a build's records balance; else prints what is missing and returns 1. */
  static int check(BuildSummary s) {
    BuildSummary.Accounting a = s.accounting();
    return check("build", a.balanced(), a.responseRecordsAndUnreadableRegions(), a.corpusRowsPlusRejections(), List.of());
  }

  private static int check(String command, boolean balanced, long expected, long actual, List<ExtractSummary.UnbalancedFile> files) {
    if (balanced) {
      return 0;
    }
    System.err.printf("mathsieve %s: %d records unaccounted for: %d response records and unreadable regions, but %d pages and rejections%n",
        command, expected - actual, expected, actual);
    for (ExtractSummary.UnbalancedFile f : files) {
      System.err.printf("  %s: %d records, %d pages and rejections%n", f.file(), f.recordsAndUnreadableRegions(), f.pagesPlusRejections());
    }
    return 1;
  }
}

package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The accounting invariant as a command's exit code: every response record and unreadable region
 * is a page or a named rejection. When {@code run.json} says otherwise, the difference and the
 * files it comes from are printed and the command fails.
 */
final class Accounting {
  private Accounting() {}

  /** 0 when balanced; else prints what is missing and returns 1. */
  static int check(String command, JsonNode run) {
    JsonNode a = run.get("accounting");
    if (a == null || a.path("balanced").asBoolean(true)) {
      return 0;
    }
    long expected = a.path("response_records_and_unreadable_regions").asLong();
    long actual = a.has("pages_plus_rejections") ? a.path("pages_plus_rejections").asLong() : a.path("corpus_rows_plus_rejections").asLong();
    System.err.printf("mathsieve %s: %d records unaccounted for: %d response records and unreadable regions, but %d pages and rejections%n",
        command, expected - actual, expected, actual);
    for (JsonNode f : a.path("unbalanced_files")) {
      System.err.printf("  %s: %d records, %d pages and rejections%n", f.path("file").asText(), f.path("records_and_unreadable_regions").asLong(),
          f.path("pages_plus_rejections").asLong());
    }
    return 1;
  }
}

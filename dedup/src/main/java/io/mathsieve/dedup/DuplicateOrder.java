package io.mathsieve.dedup;

import java.time.Instant;

/**
 * Which of two duplicates to keep. Deterministic: whatever order duplicates arrive in, the same one
 * wins.
 */
public final class DuplicateOrder {
  private DuplicateOrder() {}

  /**
   * URL and exact dedup: negative when capture A is kept over B. The latest fetch wins; ties go to
   * the smaller WARC record id, then the smaller URL.
   */
  public static int latestFetchFirst(Instant fetchA, String recordA, String urlA, Instant fetchB, String recordB, String urlB) {
    int c = fetchB.compareTo(fetchA);
    if (c != 0) {
      return c;
    }
    c = recordA.compareTo(recordB);
    return c != 0 ? c : urlA.compareTo(urlB);
  }

  /** Near dedup: the highest math score wins, then the earliest fetch, then the smallest document id. */
  public static int nearKeepOrder(double scoreA, long fetchA, String idA, double scoreB, long fetchB, String idB) {
    int c = Double.compare(scoreB, scoreA);
    if (c != 0) {
      return c;
    }
    c = Long.compare(fetchA, fetchB);
    return c != 0 ? c : idA.compareTo(idB);
  }
}

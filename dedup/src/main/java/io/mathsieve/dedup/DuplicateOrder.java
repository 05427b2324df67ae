package io.mathsieve.dedup;

import java.time.Instant;
import java.util.Comparator;

/**
 * Which of two duplicates to keep. Deterministic: whatever order duplicates arrive in, the same one
 * wins.
 */
public final class DuplicateOrder {
  private DuplicateOrder() {}

  /** What the exact and URL rules compare. */
  public interface Capture {
    Instant fetchTime();

    String warcRecordId();
  }

  /** URL and exact dedup: the latest fetch wins; ties go to the smaller WARC record id. */
  public static final Comparator<Capture> LATEST_FETCH_FIRST =
      Comparator.comparing(Capture::fetchTime).reversed().thenComparing(Capture::warcRecordId);

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

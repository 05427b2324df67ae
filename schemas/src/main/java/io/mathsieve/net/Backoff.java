package io.mathsieve.net;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Exponential backoff between attempts at something remote: {@code first}, doubled after each
 * failure, at most {@code max}. One policy for every remote read (WARC files, benchmark files,
 * tokenizers), so they wait alike.
 */
public record Backoff(Duration first, Duration max) {
  /** Downloads of whole files: 0.5 s, 1 s, 2 s ... at most 8 s. */
  public static final Backoff DOWNLOAD = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8));

  /** The wait after the {@code failures}-th failure in a row (1 for the first). */
  public long millis(int failures) {
    return Math.min(max.toMillis(), first.toMillis() << Math.min(20, Math.max(0, failures - 1)));
  }

  /** Waits after the {@code failures}-th failure, but never past {@code deadlineNanos} ({@link System#nanoTime}; MAX_VALUE: none). */
  public void sleep(int failures, long deadlineNanos, String what) throws InterruptedIOException {
    long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : (deadlineNanos - System.nanoTime()) / 1_000_000;
    try {
      Thread.sleep(Math.max(0, Math.min(millis(failures), left)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry " + what);
    }
  }
}

package io.mathsieve.samples;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One HTTP response to write as a WARC response record, with its manifest entry. */
record Capture(String url, Instant date, UUID id, byte[] httpBlock, Map<String, Object> manifest, BrokenKind broken) {

  /** How the record is damaged on disk, beyond what its content says. */
  enum BrokenKind {
    NONE,
    /** The gzip member is cut short. */
    TRUNCATED_GZIP,
    /** The WARC header lines lack their colons. */
    GARBLED_WARC_HEADER
  }

  Capture withBroken(BrokenKind kind) {
    return new Capture(url, date, id, httpBlock, manifest, kind);
  }

  Capture withManifest(Map<String, Object> m) {
    return new Capture(url, date, id, httpBlock, m, broken);
  }

  Capture at(String newUrl, Instant newDate, UUID newId, Map<String, Object> m) {
    return new Capture(newUrl, newDate, newId, httpBlock, m, broken);
  }
}

package io.mathsieve.schemas;

import java.time.Instant;

/**
 * What a document in a store is to the stages that read it back (near-dedup, decontamination):
 * pages ({@link TextDocument}) and corpus rows ({@link CorpusRow}) alike.
 */
public interface StoredDocument {
  String docId();

  String url();

  String text();

  Instant fetchTime();

  /** The math score; 0 for a store that has none yet (pages). */
  default double mathScore() {
    return 0;
  }

  /** A rejection of this document for {@code reason}. */
  Rejection reject(DropReason reason, String detail);
}

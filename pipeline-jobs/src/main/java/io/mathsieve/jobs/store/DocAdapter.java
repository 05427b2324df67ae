package io.mathsieve.jobs.store;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.StoredDocument;
import java.io.Serializable;

/**
 * What stages that read back a store (near-dedup, decontamination) need from its rows, and what
 * they may give back: rows are {@link StoredDocument}s, and a store with a cluster-size column
 * ({@link CorpusAdapter}) takes the size of a kept row's near-duplicate cluster.
 */
public interface DocAdapter<T extends StoredDocument> extends Serializable {
  default String docId(T row) {
    return row.docId();
  }

  default String url(T row) {
    return row.url();
  }

  default String text(T row) {
    return row.text();
  }

  /** The math score (0 when the store has none). */
  default double score(T row) {
    return row.mathScore();
  }

  default long fetchMillis(T row) {
    return row.fetchTime().toEpochMilli();
  }

  default Rejection reject(T row, DropReason reason, String detail) {
    return row.reject(reason, detail);
  }

  /** The row, kept for a near-duplicate cluster of {@code size} documents (stores without the column return it as is). */
  default T withClusterSize(T row, int size) {
    return row;
  }
}

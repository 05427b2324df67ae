package io.mathsieve.jobs.store;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.Rejection;
import java.io.Serializable;

/** What stages that read back a store (near-dedup, decontamination, scoring) need from its rows: pages and corpus rows both provide it. */
public interface DocAdapter<T> extends Serializable {
  String docId(T row);

  String url(T row);

  String text(T row);

  /** The math score (0 when the store has none). */
  double score(T row);

  long fetchMillis(T row);

  Rejection reject(T row, DropReason reason, String detail);

  /** The row, kept for a near-duplicate cluster of {@code size} documents (stores without the column return it as is). */
  default T withClusterSize(T row, int size) {
    return row;
  }
}

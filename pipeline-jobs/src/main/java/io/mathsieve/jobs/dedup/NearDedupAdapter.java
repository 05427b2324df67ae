package io.mathsieve.jobs.dedup;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.Rejection;
import java.io.Serializable;

/** What near-dedup needs from a store's rows: pages and corpus rows both provide it. */
public interface NearDedupAdapter<T> extends Serializable {
  String docId(T row);

  String text(T row);

  /** The math score (0 when the store has none). */
  double score(T row);

  long fetchMillis(T row);

  Rejection reject(T row, DropReason reason, String detail);
}

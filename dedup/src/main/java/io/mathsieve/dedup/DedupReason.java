package io.mathsieve.dedup;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.DropReason.Means;

/** Why a document was dropped as a duplicate. Stage {@code dedup}; the detail names the kept document. */
@DropReason.Stage("dedup")
public enum DedupReason implements DropReason {
  @Means("Another capture of the same canonical URL was kept (the latest fetch; ties broken by WARC record id).")
  URL,
  @Means("Another page with the same text (whitespace folded) was kept (the latest fetch; ties broken by WARC record id).")
  EXACT,
  @Means("A near-duplicate (MinHash LSH on word shingles) was kept: the one with the highest math score, then the earliest fetch, then the smallest id.")
  NEAR
}

package io.mathsieve.dedup;

import io.mathsieve.schemas.DropReason;

/** Why a document was dropped as a duplicate. Stage {@code dedup}; the detail names the kept document. */
public enum DedupReason implements DropReason {
  URL("Another capture of the same canonical URL was kept (the latest fetch; ties broken by WARC record id)."),
  EXACT("Another page with the same text (whitespace folded) was kept (the latest fetch; ties broken by WARC record id)."),
  NEAR("A near-duplicate (MinHash LSH on word shingles) was kept: the one with the highest math score, then the earliest fetch, then the smallest id.");

  private final String description;

  DedupReason(String description) {
    this.description = description;
  }

  @Override
  public String stage() {
    return "dedup";
  }

  @Override
  public String description() {
    return description;
  }
}

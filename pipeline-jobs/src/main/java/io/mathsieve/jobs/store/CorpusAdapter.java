package io.mathsieve.jobs.store;

import io.mathsieve.schemas.CorpusRow;

/** Rows of the corpus (and of the stages before export): near-dedup keeps the highest math score, and records the cluster size. */
public final class CorpusAdapter implements DocAdapter<CorpusRow> {
  @Override
  public CorpusRow withClusterSize(CorpusRow r, int size) {
    return r.withClusterSize(size);
  }
}

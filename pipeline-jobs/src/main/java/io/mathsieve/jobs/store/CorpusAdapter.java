package io.mathsieve.jobs.store;

import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.Rejection;

/** Rows of the corpus (and of the stages before export): near-dedup keeps the highest math score. */
public final class CorpusAdapter implements DocAdapter<CorpusRow> {
  @Override
  public String docId(CorpusRow r) {
    return r.docId();
  }

  @Override
  public String url(CorpusRow r) {
    return r.url();
  }

  @Override
  public String text(CorpusRow r) {
    return r.text();
  }

  @Override
  public double score(CorpusRow r) {
    return r.mathScore();
  }

  @Override
  public long fetchMillis(CorpusRow r) {
    return r.fetchTime().toEpochMilli();
  }

  @Override
  public Rejection reject(CorpusRow r, DropReason reason, String detail) {
    return r.reject(reason, detail);
  }

  @Override
  public CorpusRow withClusterSize(CorpusRow r, int size) {
    return r.withClusterSize(size);
  }
}

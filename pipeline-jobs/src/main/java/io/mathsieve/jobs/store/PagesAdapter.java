package io.mathsieve.jobs.store;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;

/** Rows of the pages store: no math score yet (0), so for near-dedup the earliest fetch decides. */
public final class PagesAdapter implements DocAdapter<TextDocument> {
  @Override
  public String docId(TextDocument d) {
    return d.docId();
  }

  @Override
  public String url(TextDocument d) {
    return d.url();
  }

  @Override
  public String text(TextDocument d) {
    return d.text();
  }

  @Override
  public double score(TextDocument d) {
    return 0;
  }

  @Override
  public long fetchMillis(TextDocument d) {
    return d.fetchTime().toEpochMilli();
  }

  @Override
  public Rejection reject(TextDocument d, DropReason reason, String detail) {
    return d.reject(reason, detail);
  }
}

package io.mathsieve.jobs.dedup;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;

/** Near-dedup over the pages store: no math score yet, so earliest fetch decides. */
public final class PagesAdapter implements NearDedupAdapter<TextDocument> {
  @Override
  public String docId(TextDocument d) {
    return d.docId();
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

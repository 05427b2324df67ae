package io.mathsieve.jobs.incremental;

import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.dedup.exact.ContentHash;
import io.mathsieve.dedup.url.UrlCanonicalizer;
import io.mathsieve.schemas.CorpusRow;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The URL or exact-dedup key of a bootstrapped corpus row, computed as {@code DedupKeys} computes
 * it for a new page (the canonical URL, or the hash of the full text), naming the row as kept.
 */
final class HistoryKeys implements MapFunction<CorpusRow, FirstSeenFunction.Seen> {
  private final boolean stripWww;
  private final DedupReason reason;
  private transient UrlCanonicalizer urls;

  HistoryKeys(DedupConfig config, DedupReason reason) {
    this.stripWww = config.stripWww();
    this.reason = reason;
  }

  @Override
  public FirstSeenFunction.Seen map(CorpusRow row) {
    String kept = row.docId() + " " + row.url();
    if (reason == DedupReason.URL) {
      if (urls == null) {
        urls = new UrlCanonicalizer(stripWww);
      }
      return new FirstSeenFunction.Seen(urls.canonical(row.url()), kept);
    }
    return new FirstSeenFunction.Seen(ContentHash.of(row.text()).toString(), kept);
  }
}

package io.mathsieve.jobs.dedup;

import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.dedup.exact.ContentHash;
import io.mathsieve.dedup.url.UrlCanonicalizer;
import io.mathsieve.schemas.TextDocument;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Computes a page's dedup keys from its full text and URL, then caps its text for the pages store,
 * so that only the capped text travels through the dedup shuffles.
 */
public final class DedupKeys implements MapFunction<TextDocument, DedupCandidate> {
  private final boolean stripWww;
  private final int textCap;
  private transient UrlCanonicalizer urls;

  public DedupKeys(DedupConfig config, int textCap) {
    this.stripWww = config.stripWww();
    this.textCap = textCap;
  }

  @Override
  public DedupCandidate map(TextDocument doc) {
    if (urls == null) {
      urls = new UrlCanonicalizer(stripWww);
    }
    return new DedupCandidate(doc.withTextCap(textCap), urls.canonical(doc.url()), ContentHash.of(doc.text()).toString());
  }
}

package io.mathsieve.schemas;

import io.mathsieve.hash.Hex;
import io.mathsieve.hash.Murmur3;

/**
 * Stable document ids: 32 hex digits of a seeded 128-bit hash.
 *
 * <p>A page's id is the hash of its URL and WARC record id, so the same capture gets the same id in
 * every run and on every machine, and two captures of one URL (different crawls) get different ids.
 * 128 bits, because at Common Crawl scale (billions of pages a dump) a 64-bit id would collide
 * somewhere with a probability of tens of percent.
 *
 * <pre>{@code
 * String id = DocIds.of("https://example.org/a", "<urn:uuid:...>");
 * }</pre>
 */
public final class DocIds {
  /** Seed for document ids; changing it changes every id ever written. */
  public static final long DOC_ID_SEED = 0x6d61746873696576L; // "mathsiev"

  private DocIds() {}

  /** The id of the capture of {@code url} stored in WARC record {@code recordId}. */
  public static String of(String url, String recordId) {
    long[] h = new long[2];
    Murmur3.hash128(url + '\n' + recordId, DOC_ID_SEED, h);
    return Hex.of(h[0], h[1]);
  }

  /** The id of an unreadable region of a WARC file, for records whose URL could not be read. */
  public static String ofLocation(String warcFile, long offset) {
    return of("warc:" + warcFile, "@" + offset);
  }
}

package io.mathsieve.schemas;

import java.time.Instant;

/**
 * One HTTP response captured in a WARC file, as read, before any decoding of its body.
 *
 * @param url the target URI of the capture ({@code WARC-Target-URI})
 * @param host the lower-cased host of {@code url}, empty when the URL has none
 * @param warcFile the WARC file the record came from (path or URL, as given)
 * @param warcOffset byte offset of the record in {@code warcFile} (of its gzip member when compressed)
 * @param recordId the {@code WARC-Record-ID}
 * @param fetchTime the {@code WARC-Date}
 * @param contentType the HTTP {@code Content-Type} header, empty when absent
 * @param httpStatus the HTTP status code
 * @param body the HTTP payload with transfer and content encodings removed
 * @param bodyTruncated whether the crawler or the reader cut the payload short
 */
public record HtmlPage(
    String url,
    String host,
    String warcFile,
    long warcOffset,
    String recordId,
    Instant fetchTime,
    String contentType,
    int httpStatus,
    byte[] body,
    boolean bodyTruncated) implements java.io.Serializable {

  /** This capture's stable document id. */
  public String docId() {
    return DocIds.of(url, recordId);
  }

  /** A rejection of this page for {@code reason}. */
  public Rejection reject(DropReason reason, String detail) {
    return Rejection.of(reason, docId(), url, detail, warcFile, warcOffset);
  }

  @Override
  public String toString() {
    return "HtmlPage[" + url + " @ " + warcFile + ":" + warcOffset + ", " + body.length + " bytes]";
  }
}

package io.mathsieve.extract.warc;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.DropReason.Means;

/** Why a WARC response record did not become a page. Stage {@code warc}. */
@DropReason.Stage("warc")
public enum WarcReason implements DropReason {
  @Means("The record could not be read: a broken gzip member or malformed WARC headers; reading resumed at the next record.")
  CORRUPT_RECORD,
  @Means("The record's headers were read, but its content ends early: a clipped or truncated file.")
  TRUNCATED_RECORD,
  @Means("The record's headers were read, but its content could not be: malformed beyond what lenient reading accepts.")
  BAD_RECORD,
  @Means("A response record whose block is not an HTTP message (a Heritrix DNS record, text/dns, and the like).")
  NOT_HTTP,
  @Means("The HTTP response inside the record could not be parsed or its content encoding could not be undone.")
  BAD_HTTP,
  @Means("The HTTP Content-Type is not HTML or XHTML (and, when absent, the body does not look like HTML).")
  NOT_HTML,
  @Means("The HTTP status is not 2xx: redirects, client and server errors carry no page.")
  HTTP_STATUS,
  @Means("The HTTP body is larger than warc.max-body-bytes; it is skipped without being held in memory.")
  TOO_LARGE,
  @Means("The WARC file, or the rest of it from some offset, could not be opened or fetched (a missing file, or a remote "
      + "file past its retries or time budget); one row stands for the unread part, whose records are unknown.")
  UNREADABLE_FILE
}

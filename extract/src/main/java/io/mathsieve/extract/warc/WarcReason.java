package io.mathsieve.extract.warc;

import io.mathsieve.schemas.DropReason;

/** Why a WARC response record did not become a page. Stage {@code warc}. */
public enum WarcReason implements DropReason {
  CORRUPT_RECORD("The record could not be read: a broken gzip member or malformed WARC headers; reading resumed at the next record."),
  TRUNCATED_RECORD("The record's headers were read, but its content ends early: a clipped or truncated file."),
  BAD_RECORD("The record's headers were read, but its content could not be: malformed beyond what lenient reading accepts."),
  NOT_HTTP("A response record whose block is not an HTTP message (a Heritrix DNS record, text/dns, and the like)."),
  BAD_HTTP("The HTTP response inside the record could not be parsed or its content encoding could not be undone."),
  NOT_HTML("The HTTP Content-Type is not HTML or XHTML (and, when absent, the body does not look like HTML)."),
  HTTP_STATUS("The HTTP status is not 2xx: redirects, client and server errors carry no page."),
  TOO_LARGE("The HTTP body is larger than warc.max-body-bytes; it is skipped without being held in memory."),
  UNREADABLE_FILE("The WARC file, or the rest of it from some offset, could not be opened or fetched (a missing file, or a remote "
      + "file past its retries or time budget); one row stands for the unread part, whose records are unknown.");

  private final String description;

  WarcReason(String description) {
    this.description = description;
  }

  @Override
  public String stage() {
    return "warc";
  }

  @Override
  public String description() {
    return description;
  }
}

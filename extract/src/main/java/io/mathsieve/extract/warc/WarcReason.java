package io.mathsieve.extract.warc;

import io.mathsieve.schemas.DropReason;

/** Why a WARC response record did not become a page. Stage {@code warc}. */
public enum WarcReason implements DropReason {
  CORRUPT_RECORD("corrupt_record", "The record could not be read: a broken gzip member or malformed WARC headers; reading resumed at the next record."),
  TRUNCATED_RECORD("truncated_record", "The record's headers were read, but its content ends early: a clipped or truncated file."),
  BAD_RECORD("bad_record", "The record's headers were read, but its content could not be: malformed beyond what lenient reading accepts."),
  NOT_HTTP("not_http", "A response record whose block is not an HTTP message (a Heritrix DNS record, text/dns, and the like)."),
  BAD_HTTP("bad_http", "The HTTP response inside the record could not be parsed or its content encoding could not be undone."),
  NOT_HTML("not_html", "The HTTP Content-Type is not HTML or XHTML (and, when absent, the body does not look like HTML)."),
  HTTP_STATUS("http_status", "The HTTP status is not 2xx: redirects, client and server errors carry no page."),
  TOO_LARGE("too_large", "The HTTP body is larger than warc.max-body-bytes; it is skipped without being held in memory."),
  UNREADABLE_FILE("unreadable_file", "The WARC file, or the rest of it from some offset, could not be opened or fetched (a missing file, or a remote "
      + "file past its retries or time budget); one row stands for the unread part, whose records are unknown.");

  private final String code;
  private final String description;

  WarcReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String stage() {
    return "warc";
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }
}

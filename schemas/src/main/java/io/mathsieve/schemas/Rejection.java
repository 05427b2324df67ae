package io.mathsieve.schemas;

/**
 * A document that a stage did not keep, with the reason: one row of the rejections store.
 *
 * @param docId the document id ({@link DocIds})
 * @param url the page URL, empty when the record was unreadable
 * @param stage the stage that dropped it ({@link DropReason#stage()})
 * @param reason the reason code ({@link DropReason#code()})
 * @param detail free text for the audit: what was found, the kept duplicate's id, the matched n-gram
 * @param warcFile the WARC file of the record
 * @param warcOffset the record's offset in {@code warcFile}
 */
public record Rejection(
    String docId, String url, String stage, String reason, String detail, String warcFile, long warcOffset) implements java.io.Serializable {

  /** Longest detail kept; the audit needs a clue, not a copy of the page. */
  public static final int MAX_DETAIL_CHARS = 1000;

  public static Rejection of(
      DropReason reason, String docId, String url, String detail, String warcFile, long warcOffset) {
    return new Rejection(
        docId,
        url == null ? "" : url,
        reason.stage(),
        reason.code(),
        capDetail(detail),
        warcFile == null ? "" : warcFile,
        warcOffset);
  }

  /** {@code stage/reason}. */
  public String key() {
    return stage + "/" + reason;
  }

  static String capDetail(String detail) {
    if (detail == null) {
      return "";
    }
    return detail.length() <= MAX_DETAIL_CHARS ? detail : detail.substring(0, MAX_DETAIL_CHARS - 1) + "…";
  }
}

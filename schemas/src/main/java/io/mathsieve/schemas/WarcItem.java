package io.mathsieve.schemas;

/**
 * One item read from a WARC file: a page to extract, a record rejected while reading (not HTML,
 * unreadable, too large), or the per-file statistics emitted when a file is finished. Exactly one
 * field is set.
 *
 * <p>A single flat type, rather than a sealed hierarchy, so a Flink source can emit all three on its
 * one output and Flink serialises it as a POJO.
 */
public record WarcItem(HtmlPage page, Rejection rejection, WarcFileStats fileStats) implements java.io.Serializable {

  public static WarcItem of(HtmlPage page) {
    return new WarcItem(page, null, null);
  }

  public static WarcItem of(Rejection rejection) {
    return new WarcItem(null, rejection, null);
  }

  public static WarcItem of(WarcFileStats stats) {
    return new WarcItem(null, null, stats);
  }

  public boolean isPage() {
    return page != null;
  }

  public boolean isRejection() {
    return rejection != null;
  }

  public boolean isFileStats() {
    return fileStats != null;
  }
}

package io.mathsieve.schemas;

/**
 * What reading one WARC file found, by record type; emitted once per file when it is done.
 *
 * @param file the WARC file
 * @param response {@code response} records (each becomes a page or a rejection)
 * @param request {@code request} records, skipped
 * @param metadata {@code metadata} records, skipped
 * @param warcinfo {@code warcinfo} records, skipped
 * @param revisit {@code revisit} records, skipped
 * @param other records of any other type ({@code resource}, {@code conversion}, ...), skipped
 * @param corrupt unreadable regions (bad gzip, bad WARC headers), each also a rejection
 * @param bytes bytes of the file consumed
 */
public record WarcFileStats(
    String file,
    long response,
    long request,
    long metadata,
    long warcinfo,
    long revisit,
    long other,
    long corrupt,
    long bytes) implements java.io.Serializable {

  public static WarcFileStats empty(String file) {
    return new WarcFileStats(file, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Every record seen, of any type, plus the corrupt regions. */
  public long records() {
    return response + request + metadata + warcinfo + revisit + other + corrupt;
  }

  public WarcFileStats plus(WarcFileStats o) {
    return new WarcFileStats(
        file,
        response + o.response,
        request + o.request,
        metadata + o.metadata,
        warcinfo + o.warcinfo,
        revisit + o.revisit,
        other + o.other,
        corrupt + o.corrupt,
        bytes + o.bytes);
  }
}

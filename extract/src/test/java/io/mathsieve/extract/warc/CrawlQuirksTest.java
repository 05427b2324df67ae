package io.mathsieve.extract.warc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects real crawlers write, one hand-written file per quirk: each record ends as a page or a
 * named rejection, and the file's response records and unreadable regions equal its items.
 */
class CrawlQuirksTest {
  @TempDir Path dir;

  static final String HTML = "<html><body><p>A page from an old crawl, with enough text.</p></body></html>";

  /** A WARC record as bytes: version line, headers, blank line, block, two CRLFs. */
  static byte[] record(String version, String type, String url, String date, String contentType, byte[] block) {
    String head = version + "\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + url + "\r\nWARC-Date: " + date
        + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", Math.abs(url.hashCode())) + ">"
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + block.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  static byte[] http(String headers, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  List<WarcItem> read(String name, byte[] content) throws IOException {
    Path f = Files.write(dir.resolve(name), content);
    List<WarcItem> items = new ArrayList<>();
    try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(f), WarcConfig.defaults())) {
      for (WarcItem i; (i = r.next()) != null; ) {
        items.add(i);
      }
    }
    WarcFileStats stats = items.get(items.size() - 1).fileStats();
    long rowItems = items.stream().filter(i -> !i.isFileStats()).count();
    assertThat(stats.response() + stats.corrupt()).as("every response record and unreadable region is one item").isEqualTo(rowItems);
    return items;
  }

  static List<String> kinds(List<WarcItem> items) {
    return items.stream().filter(i -> !i.isFileStats()).map(i -> i.isPage() ? "page" : i.rejection().key()).toList();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  // ClueWeb09 (WARC/0.18): a day past the month's end, a numeric zone, and Content-Encoding: gzip
  // kept over a body Nutch had already decoded. Both records are pages; the date is clamped.
  @Test
  void clueWebQuirks() throws IOException {
    byte[] body = HTML.getBytes(StandardCharsets.UTF_8);
    List<WarcItem> items = read("clueweb.warc", concat(
        record("WARC/0.18", "response", "http://a.example/1", "2008-10-294T05:21:46-0700", "application/http;msgtype=response",
            http("Content-Type: text/html; charset=EUC-JP\r\nContent-Encoding: gzip\r\n", body)),
        record("WARC/0.18", "response", "http://a.example/2", "2008-10-29T05:21:46-0700", "application/http;msgtype=response",
            http("Content-Type: text/html\r\n", body))));
    assertThat(kinds(items)).containsExactly("page", "page");
    assertThat(items.get(0).page().fetchTime()).isEqualTo(Instant.parse("2008-10-29T12:21:46Z"));
    assertThat(new String(items.get(0).page().body(), StandardCharsets.UTF_8)).isEqualTo(HTML);
  }

  // A record cut short inside its gzip member (a clipped file) is a truncated_record, not a silence.
  @Test
  void clippedRecordIsNamed() throws IOException {
    StringBuilder varied = new StringBuilder("<html><body><p>");
    long x = 42;
    for (int i = 0; i < 4000; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L; // a body gzip cannot shrink much, so the cut falls inside it
      varied.append(Long.toString(x >>> 20, 36)).append(' ');
    }
    byte[] whole = gzip(record("WARC/1.0", "response", "http://a.example/c", "2024-01-01T00:00:00Z", "application/http; msgtype=response",
        http("Content-Type: text/html\r\n", varied.append("</p></body></html>").toString().getBytes(StandardCharsets.UTF_8))));
    List<WarcItem> items = read("clipped.warc.gz", java.util.Arrays.copyOf(whole, whole.length * 4 / 5));
    assertThat(kinds(items)).startsWith("warc/truncated_record");
  }

  // Blank lines after the last record are the end of the file, not a corrupt record.
  @Test
  void trailingBlankLinesAreNotARecord() throws IOException {
    byte[] rec = record("WARC/1.0", "response", "http://a.example/t", "2024-01-01T00:00:00Z", "application/http; msgtype=response",
        http("Content-Type: text/html\r\n", HTML.getBytes(StandardCharsets.UTF_8)));
    assertThat(kinds(read("trailing.warc", concat(rec, "\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII))))).containsExactly("page");
  }

  // Heritrix DNS records are response records whose block is not HTTP: named not_http.
  @Test
  void dnsRecordIsNotHttp() throws IOException {
    List<WarcItem> items = read("dns.warc", record("WARC/1.0", "response", "dns:example.org", "2024-01-01T00:00:00Z", "text/dns",
        "20240101000000\nexample.org.\t3600\tIN\tA\t93.184.216.34\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(kinds(items)).containsExactly("warc/not_http");
  }

  // Brotli and zstd content encodings are undone, as gzip and deflate are.
  @Test
  void brotliAndZstdBodies() throws IOException {
    byte[] zstd = com.github.luben.zstd.Zstd.compress(HTML.getBytes(StandardCharsets.UTF_8));
    // "Hello" compressed by the reference brotli encoder (quality 11), as an HTTP server sends it
    byte[] br = {0x0b, 0x02, (byte) 0x80, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x03};
    List<WarcItem> items = read("enc.warc", concat(
        record("WARC/1.0", "response", "http://a.example/z", "2024-01-01T00:00:00Z", "application/http; msgtype=response",
            http("Content-Type: text/html\r\nContent-Encoding: zstd\r\n", zstd)),
        record("WARC/1.0", "response", "http://a.example/b", "2024-01-01T00:00:00Z", "application/http; msgtype=response",
            http("Content-Type: text/html\r\nContent-Encoding: br\r\n", br))));
    assertThat(kinds(items)).containsExactly("page", "page");
    assertThat(new String(items.get(0).page().body(), StandardCharsets.UTF_8)).isEqualTo(HTML);
    assertThat(new String(items.get(1).page().body(), StandardCharsets.UTF_8)).isEqualTo("Hello");
  }

  // ARC v1 (Common Crawl 2008-2012, the Internet Archive's older collections): read through jwarc
  // into the same pages; records without WARC-Record-ID get one from file and offset.
  @Test
  void arcFile() throws IOException {
    String filedesc = "filedesc://crawl.arc 0.0.0.0 20080101000000 text/plain 76\n1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n\n";
    byte[] http = http("Content-Type: text/html\r\n", HTML.getBytes(StandardCharsets.UTF_8));
    String header = "http://old.example/page 192.0.2.1 20080101120000 text/html " + http.length + "\n";
    byte[] arc = concat(headerWithLength(filedesc), header.getBytes(StandardCharsets.US_ASCII), http, "\n".getBytes(StandardCharsets.US_ASCII));
    List<WarcItem> items = read("crawl.arc", arc);
    assertThat(kinds(items)).containsExactly("page");
    assertThat(items.get(0).page().url()).isEqualTo("http://old.example/page");
    assertThat(items.get(0).page().fetchTime()).isEqualTo(Instant.parse("2008-01-01T12:00:00Z"));
    assertThat(items.get(0).page().recordId()).startsWith("<urn:mathsieve:");
  }

  /** The ARC file header record with its real body length (the version block after the first line). */
  private static byte[] headerWithLength(String filedesc) {
    int nl = filedesc.indexOf('\n');
    String first = filedesc.substring(0, nl);
    String rest = filedesc.substring(nl + 1);
    first = first.substring(0, first.lastIndexOf(' ') + 1) + rest.getBytes(StandardCharsets.US_ASCII).length;
    return (first + "\n" + rest).getBytes(StandardCharsets.US_ASCII);
  }

  // resiliparse writes LZ4 frames, one per record: read decompressed, like gzip members.
  @Test
  void lz4FramedFile() throws IOException {
    byte[] rec = record("WARC/1.0", "response", "http://a.example/l", "2024-01-01T00:00:00Z", "application/http; msgtype=response",
        http("Content-Type: text/html\r\n", HTML.getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream frame = new ByteArrayOutputStream(); // one frame per record
      try (net.jpountz.lz4.LZ4FrameOutputStream z = new net.jpountz.lz4.LZ4FrameOutputStream(frame)) {
        z.write(rec);
      }
      out.writeBytes(frame.toByteArray());
    }
    assertThat(kinds(read("records.warc.lz4", out.toByteArray()))).containsExactly("page", "page");
  }

  @Test
  void looseDates() {
    assertThat(WarcDates.parse("2008-10-294T05:21:46-0700")).isEqualTo(Instant.parse("2008-10-29T12:21:46Z"));
    assertThat(WarcDates.parse("2009-02-31T00:00:00Z")).as("clamped to the month").isEqualTo(Instant.parse("2009-02-28T00:00:00Z"));
    assertThat(WarcDates.parse("20080101120000")).isEqualTo(Instant.parse("2008-01-01T12:00:00Z"));
    assertThat(WarcDates.parse("yesterday")).isEqualTo(Instant.EPOCH);
  }

  // Files under an input directory: read by name or by their first bytes, or skipped with why.
  @Test
  void fileKinds() throws IOException {
    byte[] warc = record("WARC/1.0", "warcinfo", "", "2024-01-01T00:00:00Z", "application/warc-fields", new byte[0]);
    assertThat(WarcFileKind.skipReason(Files.write(dir.resolve("a.warc.gz.bad"), gzip(warc)))).as("sniffed inside gzip").isEmpty();
    assertThat(WarcFileKind.skipReason(Files.write(dir.resolve("old.dat"), "filedesc://x.arc 0.0.0.0 2008 text/plain 0\n".getBytes()))).isEmpty();
    assertThat(WarcFileKind.skipReason(Files.write(dir.resolve("CC-1.warc.wet.gz"), gzip(warc)))).get().asString().startsWith("a WET file");
    assertThat(WarcFileKind.skipReason(Files.write(dir.resolve("CC-1.warc.wat.gz"), gzip(warc)))).get().asString().startsWith("a WAT file");
    assertThat(WarcFileKind.skipReason(Files.write(dir.resolve("x.warc.lz4"), new byte[] {0x04, 0x22, 0x4d, 0x18, 0}))).as("LZ4 frames").isEmpty();
    assertThat(WarcFileKind.skipReason(Files.write(dir.resolve("x.warc.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0})))
        .get().asString().startsWith("zstd-compressed");
    assertThat(WarcFileKind.skipReason(Files.write(dir.resolve("README.md"), "# notes".getBytes()))).get().asString().startsWith("not a WARC or ARC");
  }
}

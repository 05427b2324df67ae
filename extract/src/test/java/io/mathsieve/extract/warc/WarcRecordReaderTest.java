package io.mathsieve.extract.warc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.config.Settings;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcRecordReaderTest {
  @TempDir Path dir;

  static final String HTML = "<html><head><title>T</title></head><body><p>Hello world, this is a page.</p></body></html>";

  /** Builds a WARC file member by member, remembering each member's offset. */
  static final class WarcBuilder {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<Long> offsets = new ArrayList<>();
    final boolean gzip;
    int serial;

    WarcBuilder(boolean gzip) {
      this.gzip = gzip;
    }

    /** A response written by jwarc's own WarcWriter. */
    WarcBuilder response(String url, String http) throws IOException {
      ByteArrayOutputStream one = new ByteArrayOutputStream();
      try (WarcWriter w = new WarcWriter(Channels.newChannel(one), gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
        int id = ++serial;
        w.write(new WarcResponse.Builder(url).date(Instant.parse("2024-03-01T00:00:00Z").plusSeconds(id))
            .recordId(new UUID(7, id)).body(MediaType.HTTP_RESPONSE, http.getBytes(StandardCharsets.ISO_8859_1)).build());
      }
      return raw(one.toByteArray());
    }

    WarcBuilder page(String url) throws IOException {
      return response(url, http(200, "text/html; charset=utf-8", HTML));
    }

    WarcBuilder request(String url) throws IOException {
      ByteArrayOutputStream one = new ByteArrayOutputStream();
      try (WarcWriter w = new WarcWriter(Channels.newChannel(one), gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
        w.write(new WarcRequest.Builder(url).date(Instant.EPOCH).recordId(new UUID(8, ++serial))
            .body(MediaType.HTTP_REQUEST, ("GET / HTTP/1.1\r\nHost: a\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).build());
      }
      return raw(one.toByteArray());
    }

    /** Bytes as given: a broken member, junk between records. */
    WarcBuilder raw(byte[] bytes) {
      offsets.add((long) out.size());
      out.writeBytes(bytes);
      return this;
    }

    /** The bytes a response record would take, cut to {@code keep} of its length. */
    byte[] truncated(String url, double keep) throws IOException {
      WarcBuilder one = new WarcBuilder(gzip).page(url);
      byte[] all = one.out.toByteArray();
      return Arrays.copyOf(all, (int) (all.length * keep));
    }

    Path write(Path file) throws IOException {
      Files.write(file, out.toByteArray());
      return file;
    }
  }

  static String http(int status, String contentType, String body) {
    return "HTTP/1.1 " + status + " X\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Content-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + body;
  }

  static List<WarcItem> readAll(Path file, WarcConfig config) throws IOException {
    List<WarcItem> items = new ArrayList<>();
    try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(file), config)) {
      for (WarcItem i; (i = r.next()) != null; ) {
        items.add(i);
      }
    }
    return items;
  }

  static List<WarcItem> readAll(Path file) throws IOException {
    return readAll(file, WarcConfig.defaults());
  }

  static String describe(WarcItem i) {
    if (i.isPage()) {
      return "page " + i.page().url() + " @" + i.page().warcOffset();
    }
    if (i.isRejection()) {
      return i.rejection().key() + " @" + i.rejection().warcOffset();
    }
    return "stats";
  }

  // Files written by jwarc itself, gzipped and plain: pages carry URL, offset, record id and date.
  @Test
  void readsJwarcFiles() throws IOException {
    for (boolean gzip : new boolean[] {true, false}) {
      WarcBuilder b = new WarcBuilder(gzip).request("https://a.org/").page("https://a.org/").page("https://B.org:8080/x?y#z");
      List<WarcItem> items = readAll(b.write(dir.resolve(gzip ? "a.warc.gz" : "a.warc")));
      assertThat(items).extracting(WarcRecordReaderTest::describe)
          .containsExactly("page https://a.org/ @" + b.offsets.get(1), "page https://B.org:8080/x?y#z @" + b.offsets.get(2), "stats");
      assertThat(items.get(1).page().host()).isEqualTo("b.org");
      assertThat(items.get(0).page().recordId()).isEqualTo("<urn:uuid:00000000-0000-0007-0000-000000000002>");
      assertThat(items.get(0).page().fetchTime()).isEqualTo(Instant.parse("2024-03-01T00:00:02Z"));
      assertThat(new String(items.get(0).page().body(), StandardCharsets.UTF_8)).isEqualTo(HTML);
      WarcFileStats s = items.get(2).fileStats();
      assertThat(s.request()).isEqualTo(1);
      assertThat(s.response()).isEqualTo(2);
    }
  }

  // A gzip member cut short mid-file: one corrupt_record at its offset, then reading resumes.
  @Test
  void truncatedGzipMember() throws IOException {
    WarcBuilder b = new WarcBuilder(true).page("https://a.org/1");
    b.raw(b.truncated("https://a.org/broken", 0.6)).page("https://a.org/2").page("https://a.org/3");
    List<WarcItem> items = readAll(b.write(dir.resolve("t.warc.gz")));
    assertThat(items).extracting(WarcRecordReaderTest::describe).containsExactly(
        "page https://a.org/1 @" + b.offsets.get(0),
        "warc/corrupt_record @" + b.offsets.get(1),
        "page https://a.org/2 @" + b.offsets.get(2),
        "page https://a.org/3 @" + b.offsets.get(3),
        "stats");
    assertThat(items.get(1).rejection().detail()).contains("t.warc.gz@" + b.offsets.get(1));
    assertThat(items.get(4).fileStats().corrupt()).isEqualTo(1);
  }

  // A truncated last member: the file ends with one corrupt_record, then its stats.
  @Test
  void truncatedAtEndOfFile() throws IOException {
    WarcBuilder b = new WarcBuilder(true).page("https://a.org/1");
    b.raw(b.truncated("https://a.org/broken", 0.5));
    assertThat(readAll(b.write(dir.resolve("e.warc.gz")))).extracting(WarcRecordReaderTest::describe)
        .containsExactly("page https://a.org/1 @0", "warc/corrupt_record @" + b.offsets.get(1), "stats");
  }

  // Malformed WARC headers (no colons), gzipped and plain, and junk bytes between records.
  @Test
  void garbledHeadersAndJunk() throws IOException {
    String garbled = "WARC/1.1\r\nWARC-Type response\r\nContent-Length 5\r\n\r\nhello\r\n\r\n";
    for (boolean gzip : new boolean[] {true, false}) {
      WarcBuilder b = new WarcBuilder(gzip).page("https://a.org/1");
      b.raw(gzip ? gzip(garbled.getBytes(StandardCharsets.US_ASCII)) : garbled.getBytes(StandardCharsets.US_ASCII)).page("https://a.org/2");
      b.raw("this is not a WARC record at all\n".getBytes(StandardCharsets.US_ASCII)).page("https://a.org/3");
      List<WarcItem> items = readAll(b.write(dir.resolve(gzip ? "g.warc.gz" : "g.warc")));
      assertThat(items).extracting(WarcRecordReaderTest::describe).as(gzip ? "gzip" : "plain").containsExactly(
          "page https://a.org/1 @" + b.offsets.get(0),
          "warc/corrupt_record @" + b.offsets.get(1),
          "page https://a.org/2 @" + b.offsets.get(2),
          "warc/corrupt_record @" + b.offsets.get(3),
          "page https://a.org/3 @" + b.offsets.get(4),
          "stats");
    }
  }

  // Response records that are not pages each get their reason; the detail says what was seen.
  @Test
  void responsesThatAreNotPages() throws IOException {
    WarcBuilder b = new WarcBuilder(true)
        .response("https://a.org/bad", "HTTP/1.1 two hundred OK\r\nContent-Type text/html\r\n\r\n<p>x</p>")
        .response("https://a.org/pdf", http(200, "application/pdf", "%PDF-1.7"))
        .response("https://a.org/gone", http(404, "text/html", "<p>not found</p>"))
        .response("https://a.org/moved", http(301, "text/html", ""))
        .response("https://a.org/xhtml", http(200, "application/xhtml+xml; charset=utf-8", HTML))
        .response("https://a.org/untyped", http(200, null, "\n  <!DOCTYPE html>" + HTML))
        .response("https://a.org/untyped-binary", http(200, null, "GIF89a\u0001\u0002"));
    List<WarcItem> items = readAll(b.write(dir.resolve("n.warc.gz")));
    assertThat(items).extracting(WarcRecordReaderTest::describe).containsExactly(
        "warc/bad_http @" + b.offsets.get(0),
        "warc/not_html @" + b.offsets.get(1),
        "warc/http_status @" + b.offsets.get(2),
        "warc/http_status @" + b.offsets.get(3),
        "page https://a.org/xhtml @" + b.offsets.get(4),
        "page https://a.org/untyped @" + b.offsets.get(5),
        "warc/not_html @" + b.offsets.get(6),
        "stats");
    assertThat(items.get(1).rejection().detail()).isEqualTo("application/pdf");
    assertThat(items.get(2).rejection().detail()).isEqualTo("404");
    assertThat(items.get(0).rejection().url()).isEqualTo("https://a.org/bad");
  }

  // A body over the limit is rejected; the next record is still read.
  @Test
  void tooLarge() throws IOException {
    String big = "<p>" + "x".repeat(5000) + "</p>";
    WarcBuilder b = new WarcBuilder(true).response("https://a.org/big", http(200, "text/html", big)).page("https://a.org/small");
    WarcConfig small = WarcConfig.from(Settings.of(Map.of("warc.max-body-bytes", "1000"), "test"));
    assertThat(readAll(b.write(dir.resolve("b.warc.gz")), small)).extracting(WarcRecordReaderTest::describe)
        .containsExactly("warc/too_large @0", "page https://a.org/small @" + b.offsets.get(1), "stats");
  }

  // Chunked transfer encoding and gzip content encoding are both undone.
  @Test
  void chunkedAndGzipEncoded() throws IOException {
    byte[] gz = gzip(HTML.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    chunked.writeBytes((Integer.toHexString(gz.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.writeBytes(gz);
    chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
    WarcBuilder b = new WarcBuilder(true).response("https://a.org/enc", head + new String(chunked.toByteArray(), StandardCharsets.ISO_8859_1));
    List<WarcItem> items = readAll(b.write(dir.resolve("c.warc.gz")));
    assertThat(new String(items.get(0).page().body(), StandardCharsets.UTF_8)).isEqualTo(HTML);
  }

  // Resuming from any checkpoint yields exactly the items not yet returned, and the same final counts.
  @Test
  void resumeFromEveryCheckpoint() throws IOException {
    WarcBuilder b = new WarcBuilder(true).request("https://a.org/").page("https://a.org/1");
    b.raw(b.truncated("https://a.org/x", 0.6)).request("https://a.org/").page("https://a.org/2")
        .response("https://a.org/pdf", http(200, "application/pdf", "%PDF")).page("https://a.org/3");
    Path file = b.write(dir.resolve("r.warc.gz"));
    List<String> all = new ArrayList<>();
    List<long[]> checkpoints = new ArrayList<>();
    List<WarcFileStats> statsAt = new ArrayList<>();
    WarcFileStats finalStats;
    try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(file), WarcConfig.defaults())) {
      checkpoints.add(new long[] {r.resumeOffset(), r.resumeSkip()});
      statsAt.add(r.statsSoFar());
      WarcItem i;
      while ((i = r.next()) != null && !i.isFileStats()) {
        all.add(describe(i));
        checkpoints.add(new long[] {r.resumeOffset(), r.resumeSkip()});
        statsAt.add(r.statsSoFar());
      }
      finalStats = i.fileStats();
    }
    assertThat(all).hasSize(5);
    for (int k = 0; k < checkpoints.size(); k++) {
      List<String> rest = new ArrayList<>();
      WarcFileStats end = null;
      try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(file), WarcConfig.defaults(), checkpoints.get(k)[0],
          checkpoints.get(k)[1], statsAt.get(k))) {
        for (WarcItem i; (i = r.next()) != null; ) {
          if (i.isFileStats()) {
            end = i.fileStats();
          } else {
            rest.add(describe(i));
          }
        }
      }
      assertThat(rest).as("resumed after item " + k).isEqualTo(all.subList(k, all.size()));
      assertThat(end).as("stats resumed after item " + k).isEqualTo(finalStats);
    }
  }

  // An empty file has no records and no error.
  @Test
  void emptyFile() throws IOException {
    Path f = Files.write(dir.resolve("empty.warc.gz"), new byte[0]);
    assertThat(readAll(f)).extracting(WarcRecordReaderTest::describe).containsExactly("stats");
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}

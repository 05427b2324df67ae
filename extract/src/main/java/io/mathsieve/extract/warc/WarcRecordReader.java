package io.mathsieve.extract.warc;

import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.HtmlPage;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Reads one WARC file record by record, streaming, and turns each {@code response} record into a
 * {@link WarcItem}: an {@link HtmlPage}, or a {@link Rejection} saying why not. Other record types
 * are counted and skipped. After the last record it returns the file's {@link WarcFileStats}, then
 * {@code null}.
 *
 * <pre>{@code
 * try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(path), WarcConfig.defaults())) {
 *   for (WarcItem item; (item = r.next()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>Bad input never stops the file: a broken gzip member or malformed WARC header becomes one
 * {@code warc/corrupt_record} rejection at its offset, and reading resumes at the next gzip member
 * (or {@code WARC/} line of an uncompressed file). Bodies over {@code warc.max-body-bytes} are
 * skipped without being held in memory; the body buffer is reused from record to record.
 *
 * <p>Resuming: {@link #resumeOffset()} and {@link #resumeSkip()} describe a position from which a
 * new reader yields exactly the items this one has not returned yet, for checkpointing.
 */
public final class WarcRecordReader implements Closeable {
  private static final int SCAN_BUFFER = 64 * 1024;

  private final WarcInput input;
  private final long maxBodyBytes;
  private WarcReader reader;
  private ReadableByteChannel channel;
  private long base;
  private boolean gzip;
  private long skip;
  private boolean resyncing;
  private boolean finished;
  private boolean statsEmitted;
  private byte[] bodyBuffer = new byte[64 * 1024];

  private long lastItemOffset;
  private long itemsAtLastOffset;
  private long response;
  private long request;
  private long metadata;
  private long warcinfo;
  private long revisit;
  private long other;
  private long corrupt;

  /** A reader from the start of the file. */
  public WarcRecordReader(WarcInput input, WarcConfig config) throws IOException {
    this(input, config, 0, 0, WarcFileStats.empty(input.name()));
  }

  /**
   * A reader that starts at {@code offset}, a record boundary, drops the first {@code skip} items it
   * would return (and does not count their records again), and adds its counts to {@code soFar}.
   */
  public WarcRecordReader(WarcInput input, WarcConfig config, long offset, long skip, WarcFileStats soFar) throws IOException {
    this.input = input;
    this.maxBodyBytes = config.maxBodyBytes();
    this.skip = skip;
    this.lastItemOffset = offset;
    this.itemsAtLastOffset = skip;
    this.response = soFar.response();
    this.request = soFar.request();
    this.metadata = soFar.metadata();
    this.warcinfo = soFar.warcinfo();
    this.revisit = soFar.revisit();
    this.other = soFar.other();
    this.corrupt = soFar.corrupt();
    openAt(offset);
  }

  /** The file being read. */
  public String fileName() {
    return input.name();
  }

  /** Offset to reopen at to continue after the last returned item. */
  public long resumeOffset() {
    return lastItemOffset;
  }

  /** Items to drop after reopening at {@link #resumeOffset()}. */
  public long resumeSkip() {
    return itemsAtLastOffset;
  }

  /** Counts so far, for checkpoints. */
  public WarcFileStats statsSoFar() {
    return new WarcFileStats(input.name(), response, request, metadata, warcinfo, revisit, other, corrupt, 0);
  }

  /** The next item, or {@code null} when the file is done (after its stats were returned). */
  public WarcItem next() throws IOException {
    while (true) {
      if (finished) {
        if (statsEmitted) {
          return null;
        }
        statsEmitted = true;
        return WarcItem.of(statsSoFar());
      }
      long recordOffset = position();
      WarcItem item;
      try {
        Optional<WarcRecord> record = reader == null ? Optional.empty() : reader.next();
        if (record.isEmpty()) {
          finished = true;
          continue;
        }
        recordOffset = position();
        try {
          item = handle(record.get(), recordOffset);
        } catch (IOException | RuntimeException e) {
          // The headers were read but not the content: this record fails by name, and reading goes on.
          item = brokenRecord(record.get(), recordOffset, e);
        }
        resyncing = false;
      } catch (IOException | RuntimeException e) {
        long failedAt = Math.max(recordOffset, position());
        if (onlyWhitespaceFrom(failedAt)) {
          // Blank lines after the last record (often two CRLFs too many): the end of the file, not a record.
          closeChannel();
          reader = null;
          finished = true;
          continue;
        }
        boolean report = !resyncing;
        resyncing = true;
        IOException giveUp = null;
        try {
          resync(failedAt + 1);
        } catch (IOException unreadable) {
          // The file cannot be read any further (a remote file past its retries or time budget): the
          // rest of it is one unreadable region, and the file ends here.
          closeChannel();
          reader = null;
          finished = true;
          giveUp = unreadable;
        }
        if (!report && giveUp == null) {
          continue;
        }
        if (giveUp != null) {
          item = WarcItem.of(Rejection.of(WarcReason.UNREADABLE_FILE, DocIds.ofLocation(input.name(), failedAt), "",
              "unreadable from byte " + failedAt + ": " + giveUp.getMessage(), input.name(), failedAt));
        } else {
          corrupt++;
          item = WarcItem.of(corruptRecord(failedAt, e));
        }
        recordOffset = failedAt;
      }
      if (item == null) {
        continue;
      }
      if (skip > 0) {
        // Returned before the checkpoint this reader resumes from; the bookkeeping already counts it.
        skip--;
        uncount(item);
        continue;
      }
      if (recordOffset != lastItemOffset) {
        lastItemOffset = recordOffset;
        itemsAtLastOffset = 0;
      }
      itemsAtLastOffset++;
      return item;
    }
  }

  private long position() {
    return reader == null ? base : base + reader.position();
  }

  // ------------------------------------------------------------------------ records

  private WarcItem handle(WarcRecord record, long offset) throws IOException {
    switch (record.type()) {
      case "response":
        response++;
        return record instanceof WarcResponse r ? response(r, offset) : null;
      case "request":
        request++;
        return null;
      case "metadata":
        metadata++;
        return null;
      case "warcinfo":
        warcinfo++;
        return null;
      case "revisit":
        revisit++;
        return null;
      default:
        other++;
        return null;
    }
  }

  private WarcItem response(WarcResponse r, long offset) throws IOException {
    String url = r.target();
    String recordId = recordId(r, offset);
    Instant date = WarcDates.of(r);
    String blockType = r.contentType().base().toString();
    if (!blockType.equals("application/http") && !r.version().getProtocol().equals("ARC")) {
      return reject(WarcReason.NOT_HTTP, url, recordId, offset, "record block is " + r.contentType());
    }
    HttpResponse http;
    try {
      http = r.http();
    } catch (ParsingException e) {
      return reject(WarcReason.BAD_HTTP, url, recordId, offset, "unparseable HTTP response: " + e.getBaseMessage());
    }
    int status = http.status();
    if (status < 200 || status > 299) {
      return reject(WarcReason.HTTP_STATUS, url, recordId, offset, String.valueOf(status));
    }
    String contentType = http.headers().first("Content-Type").orElse("").trim();
    if (!contentType.isEmpty() && !isHtml(contentType)) {
      return reject(WarcReason.NOT_HTML, url, recordId, offset, contentType);
    }
    int length;
    try {
      length = readBody(http.body().stream());
    } catch (ParsingException e) {
      return reject(WarcReason.BAD_HTTP, url, recordId, offset, "bad chunked body: " + e.getBaseMessage());
    }
    if (length > maxBodyBytes) {
      return reject(WarcReason.TOO_LARGE, url, recordId, offset, "body over " + maxBodyBytes + " bytes");
    }
    byte[] body = Arrays.copyOf(bodyBuffer, length);
    String encoding = http.headers().first("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
    if (!encoding.isEmpty() && !encoding.equals("identity")) {
      try {
        body = decodeContent(body, encoding);
      } catch (IOException e) {
        // ClueWeb (and some proxies) kept the Content-Encoding header over a body they had already
        // decoded: bytes that start like HTML are taken as they are.
        if (!looksLikeHtml(body)) {
          return reject(WarcReason.BAD_HTTP, url, recordId, offset, "cannot undo Content-Encoding " + encoding + ": " + e.getMessage());
        }
      }
      if (body.length > maxBodyBytes) {
        return reject(WarcReason.TOO_LARGE, url, recordId, offset, "decoded body over " + maxBodyBytes + " bytes");
      }
    }
    if (contentType.isEmpty() && !looksLikeHtml(body)) {
      return reject(WarcReason.NOT_HTML, url, recordId, offset, "no Content-Type, and the body does not start like HTML");
    }
    boolean truncated = r.truncated() != WarcTruncationReason.NOT_TRUNCATED;
    HtmlPage page = new HtmlPage(url, Hosts.of(url), input.name(), offset, recordId, date, contentType, status, body, truncated);
    return WarcItem.of(page);
  }

  /** Reads the body into the reused buffer, up to one byte past the limit. Returns bytes read. */
  private int readBody(InputStream in) throws IOException {
    int n = 0;
    long cap = maxBodyBytes + 1;
    while (n < cap) {
      if (n == bodyBuffer.length) {
        bodyBuffer = Arrays.copyOf(bodyBuffer, (int) Math.min(cap, bodyBuffer.length * 2L));
      }
      int r = in.read(bodyBuffer, n, (int) Math.min(bodyBuffer.length - n, cap - n));
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  private byte[] decodeContent(byte[] body, String encoding) throws IOException {
    InputStream in =
        switch (encoding) {
          case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
          case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!hasZlibHeader(body)));
          case "br" -> new org.brotli.dec.BrotliInputStream(new ByteArrayInputStream(body));
          case "zstd" -> new com.github.luben.zstd.ZstdInputStream(new ByteArrayInputStream(body));
          default -> throw new IOException("unsupported encoding");
        };
    try (in) {
      int n = readBody(in);
      return Arrays.copyOf(bodyBuffer, n);
    }
  }

  private static boolean hasZlibHeader(byte[] b) {
    return b.length >= 2 && (b[0] & 0x0f) == 8 && ((b[0] & 0xff) << 8 | (b[1] & 0xff)) % 31 == 0;
  }

  private static boolean isHtml(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    String base = (semi < 0 ? t : t.substring(0, semi)).trim();
    return base.equals("text/html") || base.equals("application/xhtml+xml") || base.equals("application/vnd.wap.xhtml+xml");
  }

  /** Whether a body without Content-Type starts like an HTML document (after a BOM and whitespace). */
  static boolean looksLikeHtml(byte[] body) {
    int i = 0;
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < body.length && i < 512 && Character.isWhitespace(body[i])) {
      i++;
    }
    String head = new String(body, i, Math.min(64, body.length - i), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head") || head.startsWith("<body")
        || head.startsWith("<!--") || head.startsWith("<meta") || head.startsWith("<title");
  }

  private WarcItem reject(WarcReason reason, String url, String recordId, long offset, String detail) {
    return WarcItem.of(Rejection.of(reason, DocIds.of(url, recordId), url, detail, input.name(), offset));
  }

  /** The record's WARC-Record-ID; ARC records have none, so the file and offset stand for one. */
  private String recordId(WarcRecord record, long offset) {
    return record.headers().first("WARC-Record-ID").orElseGet(() -> "<urn:mathsieve:" + input.name() + "@" + offset + ">");
  }

  /**
   * A record whose headers were read but whose content was not: a response becomes a named
   * rejection (cut short, or malformed); other record types are only counted, as always.
   */
  private WarcItem brokenRecord(WarcRecord record, long offset, Throwable e) {
    if (!record.type().equals("response")) {
      return null;
    }
    String url = record instanceof org.netpreserve.jwarc.WarcTargetRecord t ? t.target() : "";
    String recordId = recordId(record, offset);
    Throwable cause = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    boolean cut = cause instanceof EOFException || message.contains("end of");
    return reject(cut ? WarcReason.TRUNCATED_RECORD : WarcReason.BAD_RECORD, url, recordId, offset, message);
  }

  /** Whether nothing but whitespace is left from {@code offset} to the end of the file (looked at up to 64 KB). */
  private boolean onlyWhitespaceFrom(long offset) {
    try (ReadableByteChannel ch = input.open(offset)) {
      ByteBuffer buf = ByteBuffer.allocate(SCAN_BUFFER);
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          break;
        }
      }
      if (!buf.hasRemaining()) {
        return false;
      }
      buf.flip();
      while (buf.hasRemaining()) {
        byte b = buf.get();
        if (b != ' ' && b != '\r' && b != '\n' && b != '\t' && b != 0) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Rejection corruptRecord(long offset, Throwable e) {
    String what = e instanceof EOFException ? "unexpected end of data" : e instanceof ZipException ? "broken gzip data" : "malformed record";
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Rejection.of(WarcReason.CORRUPT_RECORD, DocIds.ofLocation(input.name(), offset), "",
        what + " at " + input.name() + "@" + offset + ": " + message, input.name(), offset);
  }

  /** A skipped item must not be counted twice: its record was counted before the checkpoint. */
  private void uncount(WarcItem item) {
    if (item.isRejection() && item.rejection().reason().equals(WarcReason.CORRUPT_RECORD.code())) {
      corrupt--;
    } else {
      response--;
    }
  }

  // ------------------------------------------------------------------------ positioning

  private void openAt(long offset) throws IOException {
    closeChannel();
    channel = input.open(offset);
    base = offset;
    try {
      reader = new WarcReader(channel);
      gzip = reader.compression() == org.netpreserve.jwarc.WarcCompression.GZIP;
      base = offset - reader.position();
    } catch (EOFException e) {
      reader = null;
      finished = true;
    }
  }

  /** Finds the next record start at or after {@code from} and reopens there; finishes when there is none. */
  private void resync(long from) throws IOException {
    long candidate = scan(from);
    if (candidate < 0) {
      closeChannel();
      reader = null;
      finished = true;
      return;
    }
    try {
      openAt(candidate);
    } catch (IOException | RuntimeException e) {
      resync(candidate + 1);
    }
  }

  /** Offset of the next gzip member header (or {@code WARC/} version line) at or after {@code from}, or -1. */
  private long scan(long from) throws IOException {
    try (ReadableByteChannel ch = input.open(from)) {
      ByteBuffer buf = ByteBuffer.allocate(SCAN_BUFFER);
      long bufStart = from;
      while (true) {
        int n = ch.read(buf);
        if (n < 0 && buf.position() == 0) {
          return -1;
        }
        buf.flip();
        int limit = buf.limit();
        int keep = gzip ? 3 : 8;
        for (int i = 0; i + keep <= limit; i++) {
          if (gzip ? isGzipHeader(buf, i) : isWarcLine(buf, i)) {
            return bufStart + i;
          }
        }
        if (n < 0) {
          return -1;
        }
        int tail = Math.min(keep - 1, limit);
        int consumed = limit - tail;
        buf.position(consumed);
        buf.compact();
        bufStart += consumed;
      }
    }
  }

  private static boolean isGzipHeader(ByteBuffer b, int i) {
    return (b.get(i) & 0xff) == 0x1f && (b.get(i + 1) & 0xff) == 0x8b && b.get(i + 2) == 8
        && (i + 3 >= b.limit() || (b.get(i + 3) & 0xe0) == 0);
  }

  private static boolean isWarcLine(ByteBuffer b, int i) {
    return b.get(i) == 'W' && b.get(i + 1) == 'A' && b.get(i + 2) == 'R' && b.get(i + 3) == 'C' && b.get(i + 4) == '/'
        && Character.isDigit(b.get(i + 5)) && b.get(i + 6) == '.' && Character.isDigit(b.get(i + 7))
        && (i == 0 || b.get(i - 1) == '\n');
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeChannel();
  }
}

package io.mathsieve.samples;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes WARC 1.1 records the way Common Crawl does: one gzip member per record (or uncompressed),
 * byte for byte under the generator's control, so that it can also write the broken records real
 * crawls contain (a truncated gzip member, a garbled header).
 */
final class WarcRecordWriter implements Closeable {
  private final OutputStream out;
  private final boolean gzip;
  private long position;

  WarcRecordWriter(Path file, boolean gzip) {
    try {
      this.out = Files.newOutputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.gzip = gzip;
  }

  /** Offset at which the next record starts. */
  long position() {
    return position;
  }

  /** Writes one record; {@code headers} come after WARC-Type, before Content-Length. Returns its offset. */
  long write(String type, Instant date, UUID id, Map<String, String> headers, byte[] block) {
    return writeRaw(encode(recordBytes(type, date, id, headers, block)));
  }

  /** Writes bytes as they are (already gzipped, or deliberately broken). Returns their offset. */
  long writeRaw(byte[] bytes) {
    long at = position;
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    position += bytes.length;
    return at;
  }

  /** The bytes one record occupies in this file (one gzip member when compressed). */
  byte[] encode(byte[] record) {
    return gzip ? gzip(record) : record;
  }

  static byte[] recordBytes(String type, Instant date, UUID id, Map<String, String> headers, byte[] block) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("WARC-Type", type);
    all.put("WARC-Date", DateTimeFormatter.ISO_INSTANT.format(date.truncatedTo(ChronoUnit.SECONDS)));
    all.put("WARC-Record-ID", recordId(id));
    all.putAll(headers);
    all.put("Content-Length", String.valueOf(block.length));
    StringBuilder head = new StringBuilder("WARC/1.1\r\n");
    all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    ByteArrayOutputStream record = new ByteArrayOutputStream(block.length + head.length() + 4);
    record.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    record.writeBytes(block);
    record.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return record.toByteArray();
  }

  static String recordId(UUID id) {
    return "<urn:uuid:" + id + ">";
  }

  /** One gzip member; the header's mtime is 0, so the output depends only on the input. */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 8192) {
      {
        def.setLevel(Deflater.DEFAULT_COMPRESSION);
      }
    }) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

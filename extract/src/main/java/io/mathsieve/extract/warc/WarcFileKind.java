package io.mathsieve.extract.warc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Whether a file found under an input directory is a crawl to read, and if not, why: WARC and ARC
 * files (plain or gzip) are read, recognised by name or, for any other name, by their first bytes
 * ({@code WARC/}, ARC's {@code filedesc://}, either inside gzip, or LZ4 frames); WAT and WET files
 * (Common Crawl's metadata and text extracts), zstd-compressed files and anything else are skipped
 * with a reason.
 *
 * <pre>{@code
 * WarcFileKind.skipReason(Path.of("CC-MAIN-...-00000.warc.wet.gz"))  // Optional["a WET file (text extracts ...)"]
 * }</pre>
 */
public final class WarcFileKind {
  private WarcFileKind() {}

  /** Empty when the file is to be read; else why it is skipped. */
  public static Optional<String> skipReason(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".wat.gz") || n.endsWith(".wat")) {
      return Optional.of("a WAT file (metadata records, no HTML): give the crawl's WARC files");
    }
    if (n.endsWith(".wet.gz") || n.endsWith(".wet")) {
      return Optional.of("a WET file (text extracts, no HTML): give the crawl's WARC files");
    }
    if (n.endsWith(".warc") || n.endsWith(".warc.gz") || n.endsWith(".arc") || n.endsWith(".arc.gz")) {
      return Optional.empty();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(16);
    } catch (IOException e) {
      return Optional.of("not readable: " + e.getMessage());
    }
    if (head.length >= 4 && (head[0] & 0xff) == 0x04 && (head[1] & 0xff) == 0x22 && (head[2] & 0xff) == 0x4d && (head[3] & 0xff) == 0x18) {
      return Optional.empty(); // LZ4 frames, as resiliparse writes them: read decompressed
    }
    if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
      return Optional.of("zstd-compressed, which is not supported: decompress it (zstd -d) or recompress it with gzip");
    }
    if (startsLikeCrawl(head)) {
      return Optional.empty();
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        if (startsLikeCrawl(in.readNBytes(16))) {
          return Optional.empty();
        }
      } catch (IOException e) {
        return Optional.of("gzip data that does not start like a WARC or ARC file (" + e.getMessage() + ")");
      }
      return Optional.of("gzip data that does not start like a WARC or ARC file");
    }
    return Optional.of("not a WARC or ARC file (its first bytes are neither WARC/ nor filedesc://)");
  }

  private static boolean startsLikeCrawl(byte[] head) {
    String s = new String(head, StandardCharsets.ISO_8859_1);
    return s.startsWith("WARC/") || s.startsWith("filedesc://");
  }
}

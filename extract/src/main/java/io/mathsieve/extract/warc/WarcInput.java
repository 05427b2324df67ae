package io.mathsieve.extract.warc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A WARC file that can be opened at any byte offset: a local file, a URL read with range requests,
 * a file on a distributed file system. Opening at an offset is what lets a reader skip past a
 * corrupt record and resume a file from a checkpoint.
 */
public interface WarcInput {
  /** The name recorded in every page's {@code warc_file}: the path or URL as the user gave it. */
  String name();

  /** A channel positioned at {@code offset}; the caller closes it. */
  ReadableByteChannel open(long offset) throws IOException;

  /** A local file. */
  static WarcInput local(Path file) {
    return local(file, file.toString());
  }

  /** WARC bytes held in memory (e.g. records carried by a Kafka message), recorded under {@code name}. */
  static WarcInput bytes(byte[] data, String name) {
    return new WarcInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ReadableByteChannel open(long offset) {
        int from = (int) Math.min(offset, data.length);
        return java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(data, from, data.length - from));
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /**
   * A local file, recorded under {@code name}. An LZ4-framed file (resiliparse writes one frame per
   * record) is read decompressed: its offsets are positions in the decompressed stream, and opening
   * at an offset decompresses from the start and skips to it.
   */
  static WarcInput local(Path file, String name) {
    return new WarcInput() {
      private Boolean lz4;

      @Override
      public String name() {
        return name;
      }

      @Override
      public ReadableByteChannel open(long offset) throws IOException {
        if (lz4 == null) {
          lz4 = isLz4(file);
        }
        if (lz4) {
          java.io.InputStream in = new net.jpountz.lz4.LZ4FrameInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16));
          in.skipNBytes(offset);
          return java.nio.channels.Channels.newChannel(in);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(offset);
        return ch;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** Whether the file starts with the LZ4 frame magic number. */
  private static boolean isLz4(Path file) throws IOException {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      byte[] m = in.readNBytes(4);
      return m.length == 4 && (m[0] & 0xff) == 0x04 && (m[1] & 0xff) == 0x22 && (m[2] & 0xff) == 0x4d && (m[3] & 0xff) == 0x18;
    }
  }
}

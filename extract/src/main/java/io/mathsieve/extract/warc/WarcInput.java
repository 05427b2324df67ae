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

  /** A local file, recorded under {@code name}. */
  static WarcInput local(Path file, String name) {
    return new WarcInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ReadableByteChannel open(long offset) throws IOException {
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
}

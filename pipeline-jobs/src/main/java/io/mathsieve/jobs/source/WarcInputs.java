package io.mathsieve.jobs.source;

import io.mathsieve.extract.warc.HttpWarcInput;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Opens a WARC location on a TaskManager: local files directly (a file channel), HTTP(S) URLs with
 * range requests, retries and resumption ({@link HttpWarcInput}), everything else through Flink's
 * file systems (HDFS, S3 via the plugin), so the same job runs locally and on a cluster.
 */
public final class WarcInputs {
  private WarcInputs() {}

  public static WarcInput open(String location, String name, WarcConfig config) throws IOException {
    if (HttpWarcInput.isHttp(location)) {
      return new HttpWarcInput(java.net.URI.create(location), name, config);
    }
    java.nio.file.Path local = localPath(location);
    if (local != null) {
      if (!Files.isReadable(local)) {
        throw new IOException("cannot read " + location);
      }
      return WarcInput.local(local, name);
    }
    Path path = new Path(location);
    FileSystem fs = path.getFileSystem();
    if (!fs.exists(path)) {
      throw new IOException("no such file: " + location);
    }
    return new WarcInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ReadableByteChannel open(long offset) throws IOException {
        FSDataInputStream in = fs.open(path);
        in.seek(offset);
        return Channels.newChannel((InputStream) in);
      }
    };
  }

  /** The local path of a {@code file:} URI or a plain path, or null for other schemes. */
  static java.nio.file.Path localPath(String location) {
    if (location.startsWith("file:")) {
      return java.nio.file.Path.of(java.net.URI.create(location));
    }
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return null;
    }
    return java.nio.file.Path.of(location);
  }
}

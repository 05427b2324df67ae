package io.mathsieve.jobs.export;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} on any Flink file system (local, S3, HDFS) that computes the file's
 * SHA-256 while it is written, so the manifest's checksums cost no second read.
 */
final class DigestingOutputFile implements OutputFile {
  private final Path path;
  private final MessageDigest digest;
  private long bytes;

  DigestingOutputFile(Path path) {
    this.path = path;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of everything written, in hex; call once, after the writer is closed. */
  String sha256() {
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  long bytes() {
    return bytes;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return createOrOverwrite(blockSizeHint);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    FSDataOutputStream out = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE);
    return new PositionOutputStream() {
      @Override
      public long getPos() {
        return bytes;
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        bytes++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        bytes += len;
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }
}

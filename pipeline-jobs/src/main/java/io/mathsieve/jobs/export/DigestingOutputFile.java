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
 * SHA-256 while it is written, so the manifest's checksums cost no second read. The last bytes are
 * held back until close so that the footer can be put in its {@linkplain CanonicalFooter canonical
 * form} first: the same rows then give the same bytes and checksum in any process.
 */
final class DigestingOutputFile implements OutputFile {
  /** At least this much of the file's end is held back; corpus footers are a few KB. */
  static final int DEFAULT_TAIL = 4 << 20;

  private final Path path;
  private final int tail;
  private final MessageDigest digest;
  private long bytes;

  DigestingOutputFile(Path path) {
    this(path, DEFAULT_TAIL);
  }

  DigestingOutputFile(Path path, int tail) {
    this.path = path;
    this.tail = tail;
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
      private byte[] held = new byte[Math.min(1 << 16, 2 * tail)];
      private int heldLength;

      @Override
      public long getPos() {
        return bytes;
      }

      @Override
      public void write(int b) throws IOException {
        if (heldLength < held.length) { // held.length never exceeds 2 * tail
          held[heldLength++] = (byte) b;
          bytes++;
        } else {
          write(new byte[] {(byte) b}, 0, 1);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        bytes += len;
        if (heldLength + len > 2 * tail) {
          // Release the oldest bytes, keeping the last `tail` bytes held.
          int release = heldLength + len - tail;
          int fromHeld = Math.min(release, heldLength);
          emit(held, 0, fromHeld);
          System.arraycopy(held, fromHeld, held, 0, heldLength - fromHeld);
          heldLength -= fromHeld;
          int fromInput = release - fromHeld;
          emit(b, off, fromInput);
          off += fromInput;
          len -= fromInput;
        }
        if (heldLength + len > held.length) {
          held = java.util.Arrays.copyOf(held, Math.min(2 * tail, Math.max(2 * held.length, heldLength + len)));
        }
        System.arraycopy(b, off, held, heldLength, len);
        heldLength += len;
      }

      private void emit(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        CanonicalFooter.canonicalize(held, heldLength);
        emit(held, 0, heldLength);
        heldLength = 0;
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

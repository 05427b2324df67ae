package io.mathsieve.jobs.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts a Parquet footer in one canonical form, so the same rows give the same file bytes in every
 * JVM. parquet-java collects each column chunk's encodings in a {@code HashSet} of enum constants,
 * whose iteration order follows their identity hash codes: the footer (and the file's SHA-256)
 * changed from one process to the next. Sorting the list by the encoding's number fixes it; the
 * list is a set in the format, so readers do not care about its order.
 */
final class CanonicalFooter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private CanonicalFooter() {}

  /**
   * Rewrites, in place, the footer at the end of {@code tail} (the last {@code length} bytes of a
   * Parquet file). Returns false, leaving the bytes alone, when the tail does not hold the whole
   * footer or the footer is not a plain (unencrypted) one.
   */
  static boolean canonicalize(byte[] tail, int length) throws IOException {
    if (length < 8 || !endsWithMagic(tail, length)) {
      return false;
    }
    int footerLength = ByteBuffer.wrap(tail, length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int start = length - 8 - footerLength;
    if (footerLength <= 0 || start < 0) {
      return false;
    }
    FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(tail, start, footerLength));
    boolean changed = false;
    for (RowGroup group : footer.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        if (chunk.isSetMeta_data() && chunk.getMeta_data().isSetEncodings()) {
          List<Encoding> encodings = chunk.getMeta_data().getEncodings();
          List<Encoding> sorted = new ArrayList<>(encodings);
          sorted.sort(Comparator.comparingInt(Encoding::getValue));
          if (!sorted.equals(encodings)) {
            chunk.getMeta_data().setEncodings(sorted);
            changed = true;
          }
        }
      }
    }
    if (!changed) {
      return true;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(footerLength);
    Util.writeFileMetaData(footer, out);
    if (out.size() != footerLength) {
      return false; // a reordered list serialises to the same length; anything else is not ours to write
    }
    System.arraycopy(out.toByteArray(), 0, tail, start, footerLength);
    return true;
  }

  private static boolean endsWithMagic(byte[] tail, int length) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (tail[length - MAGIC.length + i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}

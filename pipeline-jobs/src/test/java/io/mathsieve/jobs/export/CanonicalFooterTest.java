package io.mathsieve.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.store.Stores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus files have one footer whatever the JVM: parquet-java orders each column chunk's encodings
 * by enum identity hash codes, which change from process to process.
 */
class CanonicalFooterTest {
  @TempDir Path dir;

  static List<CorpusRow> rows(int n, int textChars, long seed) {
    Random random = new Random(seed);
    List<CorpusRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < textChars) {
        text.append(Long.toString(random.nextLong(), 36)).append(' ');
      }
      rows.add(new CorpusRow(String.format("%032x", i), "https://example.org/" + i, "example.org", "t" + i, text.toString(), i % 3 == 0 ? "en" : "zh",
          random.nextDouble(), 1 + i % 2, text.length() / 4, "deepseek-v3", Instant.ofEpochSecond(1_700_000_000L + i), "a.warc.gz", i * 1000L,
          "<urn:uuid:" + i + ">", 1, i % 5, "x1", "m1", "f1"));
    }
    return rows;
  }

  static DigestingOutputFile write(Path file, List<CorpusRow> rows, int tail) throws Exception {
    DigestingOutputFile out = new DigestingOutputFile(new org.apache.flink.core.fs.Path(file.toUri()), tail);
    try (ParquetWriter<CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, out, Map.of("k", "v"), 1 << 20, 64 << 10)) {
      for (CorpusRow r : rows) {
        w.write(r);
      }
    }
    return out;
  }

  static FileMetaData footer(byte[] file) throws Exception {
    int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
  }

  static List<List<Encoding>> encodings(FileMetaData footer) {
    List<List<Encoding>> all = new ArrayList<>();
    for (RowGroup g : footer.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        all.add(c.getMeta_data().getEncodings());
      }
    }
    return all;
  }

  @Test
  void aFooterWithEncodingsInAnyOrderBecomesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.parquet").toAbsolutePath();
    write(a, rows(50, 300, 1), DigestingOutputFile.DEFAULT_TAIL);
    byte[] file = Files.readAllBytes(a);
    FileMetaData footer = footer(file);
    assertThat(encodings(footer)).anySatisfy(e -> assertThat(e).hasSizeGreaterThan(1));

    // The same footer with every encodings list reversed, as another JVM's HashSet might have it.
    for (RowGroup g : footer.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        List<Encoding> reversed = new ArrayList<>(c.getMeta_data().getEncodings());
        Collections.reverse(reversed);
        c.getMeta_data().setEncodings(reversed);
      }
    }
    ByteArrayOutputStream serialized = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, serialized);
    byte[] other = file.clone();
    int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    assertThat(serialized.size()).isEqualTo(length);
    System.arraycopy(serialized.toByteArray(), 0, other, file.length - 8 - length, length);
    assertThat(other).isNotEqualTo(file);

    assertThat(CanonicalFooter.canonicalize(other, other.length)).isTrue();
    assertThat(other).isEqualTo(file);
    assertThat(encodings(footer(file))).allSatisfy(e -> assertThat(e).isSortedAccordingTo(java.util.Comparator.comparingInt(Encoding::getValue)));
  }

  @Test
  void aTailThatDoesNotHoldTheFooterIsLeftAlone() throws Exception {
    Path b = dir.resolve("b.parquet").toAbsolutePath();
    write(b, rows(20, 200, 2), DigestingOutputFile.DEFAULT_TAIL);
    byte[] file = Files.readAllBytes(b);
    byte[] tail = java.util.Arrays.copyOfRange(file, file.length - 40, file.length);
    assertThat(CanonicalFooter.canonicalize(tail, tail.length)).isFalse();
    assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(file, file.length - 40, file.length));
    assertThat(CanonicalFooter.canonicalize(new byte[] {1, 2, 3}, 3)).isFalse();
  }

  @Test
  void theDigestIsTheFilesWhetherTheFileIsSmallerOrMuchLargerThanTheHeldTail() throws Exception {
    List<CorpusRow> rows = rows(400, 2000, 3);
    Path big = Files.createDirectories(dir.resolve("big")).resolve("part-0.parquet").toAbsolutePath();
    Path small = dir.resolve("small.parquet").toAbsolutePath();
    DigestingOutputFile a = write(big, rows, 4096); // many releases of held bytes
    DigestingOutputFile b = write(small, rows, DigestingOutputFile.DEFAULT_TAIL); // the whole file held
    byte[] bytes = Files.readAllBytes(big);
    assertThat(bytes.length).isGreaterThan(100 * 4096);
    assertThat(a.bytes()).isEqualTo(bytes.length);
    assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(Files.readAllBytes(small)).isEqualTo(bytes);
    assertThat(b.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(StoreReader.readAll(Stores.CORPUS, new org.apache.flink.core.fs.Path(big.getParent().toUri()))).isEqualTo(rows);
  }
}

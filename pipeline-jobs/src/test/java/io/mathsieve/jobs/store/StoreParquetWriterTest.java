package io.mathsieve.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.schemas.store.StoreSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.local.LocalDataOutputStream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores between stages are written in row groups small enough to bound each writer's and reader's heap. */
class StoreParquetWriterTest {
  @TempDir Path dir;

  record Row(String id, String text) {}

  static final StoreSchema<Row> SCHEMA = StoreSchema.<Row>builder("test", 1, "A test store.")
      .string("id", "An id.", Row::id)
      .string("text", "A text.", Row::text)
      .build(r -> new Row(r.string("id"), r.string("text")));

  @Test
  void aLargeStoreFileIsWrittenInBoundedRowGroups() throws Exception {
    Path file = dir.resolve("part-0.parquet");
    Random random = new Random(7);
    byte[] letters = new byte[8192];
    try (LocalDataOutputStream out = new LocalDataOutputStream(file.toFile())) {
      BulkWriter<Row> writer = StoreParquetWriter.factory(() -> SCHEMA, Map.of()).create(out);
      for (int i = 0; i < 7_000; i++) { // 57 MB of letters, which zstd packs to about 60%: 35 MB
        for (int j = 0; j < letters.length; j++) {
          letters[j] = (byte) ('a' + random.nextInt(26));
        }
        writer.addElement(new Row("id-" + i, new String(letters, java.nio.charset.StandardCharsets.US_ASCII)));
      }
      writer.finish();
    }
    List<BlockMetaData> groups;
    try (ParquetFileReader r = ParquetFileReader.open(new FlinkInputFile(new org.apache.flink.core.fs.Path(file.toUri())))) {
      groups = r.getFooter().getBlocks();
    }
    assertThat(Files.size(file)).isGreaterThan(30L << 20);
    assertThat(groups).hasSizeGreaterThanOrEqualTo(8);
    long slack = StoreParquetWriter.DEFAULT_PAGE_BYTES; // the writer checks its size once a page is full
    for (BlockMetaData g : groups) {
      assertThat(g.getCompressedSize()).isLessThanOrEqualTo((4L << 20) + slack);
    }
    assertThat(groups.stream().mapToLong(BlockMetaData::getRowCount).sum()).isEqualTo(7_000);
  }
}

package io.mathsieve.jobs.store;

import io.mathsieve.schemas.store.StoreSchema;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Parquet writers for mathsieve's stores: zstd, row groups sized for streaming readers, the store
 * name and schema version in the file metadata.
 *
 * <pre>{@code
 * FileSink.forBulkFormat(path, StoreParquetWriter.factory(() -> Stores.PAGES, Map.of("mathsieve.config", fp)))
 * }</pre>
 */
public final class StoreParquetWriter {
  /**
   * Row group size of the stores between stages. Each open writer buffers one row group (and its
   * string dictionaries) and each reader holds one, so a stage's heap is bounded by its stores
   * times its parallelism times this, whatever the crawl's size. A batch job writes one part file
   * per subtask, which grows with the crawl: at 64 MB, and still at 16 MB, the buffers were not
   * full at 200k pages and the heap grew with N. Compression works per page
   * ({@link #DEFAULT_PAGE_BYTES}), so small groups cost little. The corpus has its own setting
   * ({@code export.row-group-bytes}).
   */
  public static final long DEFAULT_ROW_GROUP_BYTES = 4L << 20;

  /** Default page size (the unit of compression inside a column chunk). */
  public static final int DEFAULT_PAGE_BYTES = 1 << 20;

  private StoreParquetWriter() {}

  /** A Flink bulk-writer factory for {@code schema}; {@code metadata} goes into every file footer. */
  public static <T> ParquetWriterFactory<T> factory(StoreRef<T> schema, Map<String, String> metadata) {
    return new ParquetWriterFactory<>(new Builder<>(schema, new LinkedHashMap<>(metadata), DEFAULT_ROW_GROUP_BYTES, DEFAULT_PAGE_BYTES));
  }

  /** A plain Parquet writer for {@code schema} on {@code file} (outside Flink: tests, tools, manifests). */
  public static <T> ParquetWriter<T> open(StoreSchema<T> schema, OutputFile file, Map<String, String> metadata) throws IOException {
    return open(schema, file, metadata, DEFAULT_ROW_GROUP_BYTES, DEFAULT_PAGE_BYTES);
  }

  /** A plain Parquet writer with row groups of {@code rowGroupBytes} and pages of {@code pageBytes}. */
  public static <T> ParquetWriter<T> open(StoreSchema<T> schema, OutputFile file, Map<String, String> metadata, long rowGroupBytes, int pageBytes)
      throws IOException {
    return new Builder<T>(() -> schema, new LinkedHashMap<>(metadata), rowGroupBytes, pageBytes).createWriter(file);
  }

  /** Serializable: resolves the schema on the TaskManager. */
  private static final class Builder<T> implements ParquetBuilder<T>, Serializable {
    private final StoreRef<T> store;
    private final LinkedHashMap<String, String> metadata;
    private final long rowGroupBytes;
    private final int pageBytes;

    Builder(StoreRef<T> store, LinkedHashMap<String, String> metadata, long rowGroupBytes, int pageBytes) {
      this.store = store;
      this.metadata = metadata;
      this.rowGroupBytes = rowGroupBytes;
      this.pageBytes = pageBytes;
    }

    @Override
    public ParquetWriter<T> createWriter(OutputFile out) throws IOException {
      StoreSchema<T> schema = store.get();
      return new WriterBuilder<>(out, new StoreWriteSupport<>(schema, metadata))
          .withCompressionCodec(CompressionCodecName.ZSTD)
          .withRowGroupSize(rowGroupBytes)
          .withPageSize(pageBytes)
          // Min/max of string columns are cut to 64 bytes: untruncated, each row group's footer would
          // carry two whole page texts.
          .withStatisticsTruncateLength(64)
          .withDictionaryPageSize(pageBytes)
          // Check page sizes from the first row (Parquet waits 100 rows by default), so that the
          // writer's size, which counts the open page uncompressed, stays close to the file's.
          .withMinRowCountForPageSizeCheck(pageBytes < DEFAULT_PAGE_BYTES ? 1 : 100)
          .withDictionaryEncoding(true)
          .build();
    }
  }

  private static final class WriterBuilder<T> extends ParquetWriter.Builder<T, WriterBuilder<T>> {
    private final WriteSupport<T> support;

    WriterBuilder(OutputFile out, WriteSupport<T> support) {
      super(out);
      this.support = support;
    }

    @Override
    protected WriterBuilder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}

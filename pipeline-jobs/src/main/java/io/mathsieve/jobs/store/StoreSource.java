package io.mathsieve.jobs.store;

import io.mathsieve.schemas.store.StoreRow;
import io.mathsieve.schemas.store.StoreSchema;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * A bounded Flink source over a store directory: each Parquet file is a split, rows are decoded by
 * the store's schema, and only the requested columns are read from disk (a decoder that needs a
 * column that was not read fails loudly). Hidden and in-progress files are skipped.
 *
 * <pre>{@code
 * FileSource<TextDocument> pages = StoreSource.of(() -> Stores.PAGES, TextDocument.class, dir + "/pages", null);
 * env.fromSource(pages, WatermarkStrategy.noWatermarks(), "pages");
 * }</pre>
 */
public final class StoreSource {
  private StoreSource() {}

  /** A source of every row of {@code dir}; {@code columns} limits what is read (null: every column). */
  public static <T> FileSource<T> of(StoreRef<T> store, Class<T> type, String dir, Collection<String> columns) {
    return FileSource.forBulkFileFormat(new Format<>(store, type, columns == null ? null : new HashSet<>(columns)), new Path(dir)).build();
  }

  private static final int BATCH = 256;

  private static final class Format<T> implements BulkFormat<T, FileSourceSplit> {
    private final StoreRef<T> store;
    private final Class<T> type;
    private final HashSet<String> columns;

    Format(StoreRef<T> store, Class<T> type, HashSet<String> columns) {
      this.store = store;
      this.type = type;
      this.columns = columns;
    }

    @Override
    public Reader<T> createReader(Configuration config, FileSourceSplit split) throws IOException {
      return new FileReader<>(store.get(), split, columns, 0);
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
      long skip = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
      return new FileReader<>(store.get(), split, columns, skip);
    }

    @Override
    public boolean isSplittable() {
      return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
      return TypeInformation.of(type);
    }
  }

  /** Reads one Parquet file, a batch of decoded records at a time. */
  private static final class FileReader<T> implements BulkFormat.Reader<T> {
    private final StoreSchema<T> schema;
    private final ParquetReader<StoreRow> reader;
    private long emitted;

    FileReader(StoreSchema<T> schema, FileSourceSplit split, Collection<String> columns, long skip) throws IOException {
      this.schema = schema;
      this.reader = StoreReader.open(new FlinkInputFile(split.path()), columns);
      for (long i = 0; i < skip && reader.read() != null; i++) {
        emitted++;
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public BulkFormat.RecordIterator<T> readBatch() throws IOException {
      Object[] batch = new Object[BATCH];
      int n = 0;
      for (StoreRow row; n < BATCH && (row = reader.read()) != null; ) {
        batch[n++] = schema.decode(row);
      }
      if (n == 0) {
        return null;
      }
      ArrayResultIterator<T> it = new ArrayResultIterator<>();
      it.set((T[]) batch, n, CheckpointedPosition.NO_OFFSET, emitted);
      emitted += n;
      return it;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}

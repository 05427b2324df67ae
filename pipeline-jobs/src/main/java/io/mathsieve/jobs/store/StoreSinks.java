package io.mathsieve.jobs.store;

import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.schemas.store.StoreSchema;
import java.util.Map;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * Writes a stream into a store directory as zstd Parquet files through Flink's {@link FileSink}:
 * files appear under their final name only when committed (at the end of a batch job, or on a
 * checkpoint in streaming), so a reader never sees a half-written file.
 */
public final class StoreSinks {
  private StoreSinks() {}

  /**
   * Adds a sink writing {@code stream} to {@code dir}; {@code metadata} goes into each file footer.
   * The directory is created now: a stream with no records writes no file, and the stage that reads
   * the store next (near-dedup after a selection of nothing) must find it empty, not missing.
   */
  public static <T> void write(DataStream<T> stream, StoreRef<T> store, String dir, Map<String, String> metadata) {
    StoreSchema<T> schema = store.get();
    try {
      FlinkFiles.mkdirs(new Path(dir));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + dir, e);
    }
    FileSink<T> sink =
        FileSink.forBulkFormat(new Path(dir), StoreParquetWriter.factory(store, metadata))
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
            .build();
    stream.sinkTo(sink).name("write-" + schema.name()).uid("sink-" + schema.name());
  }

  /**
   * As {@link #write}, into one subdirectory per UTC day of arrival ({@code dt=YYYY-MM-DD}), for
   * streaming jobs: files are committed on checkpoints, exactly once.
   */
  public static <T> void writeDaily(DataStream<T> stream, StoreRef<T> store, String dir, Map<String, String> metadata) {
    StoreSchema<T> schema = store.get();
    FileSink<T> sink =
        FileSink.forBulkFormat(new Path(dir), StoreParquetWriter.factory(store, metadata))
            .withBucketAssigner(new org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner<>(
                "'dt='yyyy-MM-dd", java.time.ZoneOffset.UTC))
            .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
            .build();
    stream.sinkTo(sink).name("write-" + schema.name()).uid("sink-" + schema.name());
  }
}

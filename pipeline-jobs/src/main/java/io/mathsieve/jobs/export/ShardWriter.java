package io.mathsieve.jobs.export;

import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes one hash bucket of the corpus (keyed by bucket, at the end of the key in batch mode): its
 * rows sorted by doc id, into {@code part-BBBBB-SSSS.parquet} files that roll over once they reach
 * the target size (the writer's data size: compressed pages plus the page being filled). Sorting makes the files the same whatever the parallelism and arrival order; a
 * file appears under its name only when complete (written as a hidden {@code .inprogress} file,
 * then renamed). Emits one {@link CorpusFile} per file.
 *
 * <p>Memory: at most {@code export.sort-memory-bytes} of a bucket's rows are held; a larger bucket
 * is sorted externally ({@link SortedRuns}: sorted runs spilled to the TaskManager's temporary
 * directory, then merged). Batch mode hands a keyed operator one key at a time, so one bucket is
 * buffered per subtask.
 */
public final class ShardWriter extends KeyedProcessFunction<Integer, CorpusRow, CorpusFile> {
  private final String dir;
  private final long targetBytes;
  private final long rowGroupBytes;
  private final HashMap<String, String> metadata;
  private final long sortMemoryBytes;
  private transient HashMap<Integer, SortedRuns> buckets;
  private transient java.nio.file.Path tmp;
  private transient StageCounters counters;

  public ShardWriter(String dir, long targetBytes, long rowGroupBytes, long sortMemoryBytes, Map<String, String> metadata) {
    this.dir = dir;
    this.targetBytes = targetBytes;
    this.rowGroupBytes = rowGroupBytes;
    this.sortMemoryBytes = sortMemoryBytes;
    this.metadata = new HashMap<>(metadata);
  }

  /**
   * Page size for files of {@code targetBytes}: the writer's size (what rolling looks at) counts the
   * page being filled uncompressed, so pages must be small next to the file for files to come out
   * close to the target. 1 MB (Parquet's default) for the default 512 MB files.
   */
  static int pageBytes(long targetBytes) {
    return (int) Math.min(1 << 20, Math.max(4096, targetBytes / 32));
  }

  /** The file name of a bucket's {@code sequence}-th file. */
  public static String fileName(int bucket, int sequence) {
    return String.format(Locale.ROOT, "part-%05d-%04d.parquet", bucket, sequence);
  }

  @Override
  public void open(OpenContext context) {
    buckets = new HashMap<>();
    String[] dirs = ((org.apache.flink.streaming.api.operators.StreamingRuntimeContext) getRuntimeContext()).getTaskManagerRuntimeInfo()
        .getTmpDirectories();
    tmp = java.nio.file.Path.of(dirs.length > 0 ? dirs[0] : System.getProperty("java.io.tmpdir"));
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(CorpusRow row, Context ctx, Collector<CorpusFile> out) throws Exception {
    SortedRuns bucket = buckets.get(ctx.getCurrentKey());
    if (bucket == null) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      bucket = new SortedRuns(sortMemoryBytes, tmp);
      buckets.put(ctx.getCurrentKey(), bucket);
    }
    bucket.add(row);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CorpusFile> out) throws Exception {
    try (SortedRuns bucket = buckets.remove(ctx.getCurrentKey())) {
      if (bucket != null) {
        Iterator<CorpusRow> sorted = bucket.sorted();
        counters.add(Count.EXPORT_SORT_SPILLS, bucket.spills());
        write(ctx.getCurrentKey(), sorted, out);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (buckets != null) {
      for (SortedRuns b : buckets.values()) {
        b.close();
      }
      buckets.clear();
    }
  }

  private void write(int bucket, Iterator<CorpusRow> sorted, Collector<CorpusFile> out) throws IOException {
    int sequence = 0;
    CorpusRow next = sorted.hasNext() ? sorted.next() : null;
    while (next != null) {
      String name = fileName(bucket, sequence);
      Path tmp = new Path(dir, "." + name + ".inprogress");
      DigestingOutputFile file = new DigestingOutputFile(tmp);
      long rowCount = 0;
      long tokens = 0;
      String first = next.docId();
      String last = first;
      try (ParquetWriter<CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, file, metadata, rowGroupBytes, pageBytes(targetBytes))) {
        while (next != null) {
          CorpusRow r = next;
          next = sorted.hasNext() ? sorted.next() : null;
          w.write(r);
          rowCount++;
          tokens += r.tokenCount();
          last = r.docId();
          if (w.getDataSize() >= targetBytes) {
            break;
          }
        }
      }
      Path target = new Path(dir, name);
      FileSystem fs = target.getFileSystem();
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
      out.collect(new CorpusFile(name, bucket, sequence, rowCount, tokens, file.bytes(), file.sha256(), first, last));
      sequence++;
    }
  }
}

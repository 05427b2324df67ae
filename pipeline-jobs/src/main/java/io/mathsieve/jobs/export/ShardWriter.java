package io.mathsieve.jobs.export;

import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
 * <p>Memory: a bucket's rows are held while it is written; the bucket count is chosen so that a
 * bucket is about one target file.
 */
public final class ShardWriter extends KeyedProcessFunction<Integer, CorpusRow, CorpusFile> {
  private final String dir;
  private final long targetBytes;
  private final long rowGroupBytes;
  private final HashMap<String, String> metadata;
  private transient ListState<CorpusRow> rows;

  public ShardWriter(String dir, long targetBytes, long rowGroupBytes, Map<String, String> metadata) {
    this.dir = dir;
    this.targetBytes = targetBytes;
    this.rowGroupBytes = rowGroupBytes;
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
    rows = getRuntimeContext().getListState(new ListStateDescriptor<>("rows", TypeInformation.of(CorpusRow.class)));
  }

  @Override
  public void processElement(CorpusRow row, Context ctx, Collector<CorpusFile> out) throws Exception {
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    rows.add(row);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CorpusFile> out) throws Exception {
    List<CorpusRow> bucket = new ArrayList<>();
    for (CorpusRow r : rows.get()) {
      bucket.add(r);
    }
    rows.clear();
    bucket.sort(Comparator.comparing(CorpusRow::docId));
    write(ctx.getCurrentKey(), bucket, out);
  }

  private void write(int bucket, List<CorpusRow> sorted, Collector<CorpusFile> out) throws IOException {
    int sequence = 0;
    int i = 0;
    while (i < sorted.size()) {
      String name = fileName(bucket, sequence);
      Path tmp = new Path(dir, "." + name + ".inprogress");
      DigestingOutputFile file = new DigestingOutputFile(tmp);
      long rowCount = 0;
      long tokens = 0;
      String first = sorted.get(i).docId();
      String last = first;
      try (ParquetWriter<CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, file, metadata, rowGroupBytes, pageBytes(targetBytes))) {
        while (i < sorted.size()) {
          CorpusRow r = sorted.get(i++);
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

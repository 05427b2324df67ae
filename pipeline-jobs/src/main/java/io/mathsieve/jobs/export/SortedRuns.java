package io.mathsieve.jobs.export;

import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.store.StoreRow;
import io.mathsieve.schemas.store.Stores;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Rows sorted by doc id within a memory cap: an external merge sort. Rows are buffered until their
 * estimated size reaches {@code memoryBytes}; the buffer is then sorted and spilled as a zstd
 * Parquet run in a local temporary directory. {@link #sorted()} merges the runs (and what is still
 * buffered) by doc id, one row per run in memory. A bucket that fits in memory never touches disk.
 *
 * <p>Why not Flink's sort: batch mode sorts a keyed input by key only, and the order within a key is
 * arrival order, which depends on parallelism; the corpus files must not.
 */
final class SortedRuns implements Closeable {
  private static final Comparator<CorpusRow> BY_ID = Comparator.comparing(CorpusRow::docId);

  private final long memoryBytes;
  private final Path tmp;
  private final List<CorpusRow> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<ParquetReader<StoreRow>> open = new ArrayList<>();
  private long buffered;
  private Path dir;

  SortedRuns(long memoryBytes, Path tmp) {
    this.memoryBytes = memoryBytes;
    this.tmp = tmp;
  }

  /** What a row costs in memory, roughly: its strings (two bytes a char at worst) and the object overhead. */
  static long estimate(CorpusRow r) {
    return 2L * (r.text().length() + r.url().length() + (r.title() == null ? 0 : r.title().length())) + 512;
  }

  void add(CorpusRow r) throws IOException {
    buffer.add(r);
    buffered += estimate(r);
    if (buffered >= memoryBytes) {
      spill();
    }
  }

  /** Runs spilled so far (for the counters). */
  int spills() {
    return runs.size();
  }

  private void spill() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    if (dir == null) {
      dir = Files.createTempDirectory(Files.createDirectories(tmp), "mathsieve-sort-");
    }
    buffer.sort(BY_ID);
    Path run = dir.resolve("run-" + runs.size() + ".parquet");
    try (ParquetWriter<CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, new LocalOutputFile(run), Map.of())) {
      for (CorpusRow r : buffer) {
        w.write(r);
      }
    }
    runs.add(run);
    buffer.clear();
    buffered = 0;
  }

  /** Every row added, in doc id order. Call once. */
  Iterator<CorpusRow> sorted() throws IOException {
    if (runs.isEmpty()) {
      buffer.sort(BY_ID);
      return buffer.iterator();
    }
    spill();
    record Head(CorpusRow row, int run) {}
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.row().docId()).thenComparingInt(Head::run));
    for (Path run : runs) {
      ParquetReader<StoreRow> r = StoreReader.open(new LocalInputFile(run), null);
      open.add(r);
      CorpusRow first = next(r);
      if (first != null) {
        heads.add(new Head(first, open.size() - 1));
      }
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public CorpusRow next() {
        Head h = heads.poll();
        if (h == null) {
          throw new NoSuchElementException();
        }
        try {
          CorpusRow following = SortedRuns.next(open.get(h.run()));
          if (following != null) {
            heads.add(new Head(following, h.run()));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return h.row();
      }
    };
  }

  private static CorpusRow next(ParquetReader<StoreRow> r) throws IOException {
    StoreRow row = r.read();
    return row == null ? null : Stores.CORPUS.decode(row);
  }

  /** Closes the run readers and deletes the runs. */
  @Override
  public void close() throws IOException {
    for (ParquetReader<StoreRow> r : open) {
      r.close();
    }
    open.clear();
    buffer.clear();
    if (dir != null) {
      OutputDirectory.delete(dir);
      dir = null;
    }
    runs.clear();
  }
}

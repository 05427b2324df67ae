package io.mathsieve.jobs.incremental;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.source.WarcInputs;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads each announced WARC file record by record with the batch reader (local, HTTP(S) with
 * retries, any Flink file system), a slice at a time, so checkpoints complete while a large or
 * slow file is read (one call per file would hold the checkpoint barrier for the whole download).
 *
 * <p>Announcements are spread over {@code readers} keys, one per subtask ({@link #readerKeys});
 * each key reads its files one after another, in the order they were announced, so at
 * parallelism 1 the items come in announcement order as a sequential reader gives them (which
 * file's duplicate is kept depends on it). Each processing-time timer reads for at most
 * {@link #SLICE_NANOS} and sets the next; the task takes checkpoint barriers between slices.
 *
 * <p>A message that names no file, or a file that cannot be opened, is one {@code
 * warc/unreadable_file} rejection: it never stops the job.
 *
 * <p>Exactly once: keyed state holds the queue of announcements and how many items of the first
 * were emitted, checkpointed with them. After a restore the open reader is gone; the file is
 * opened again and that many items are skipped (the reader gives the same items in the same
 * order), then reading goes on.
 */
public final class ReadAnnouncedWarc extends KeyedProcessFunction<Integer, String, WarcItem> {
  /** Time budget of one slice: short next to a checkpoint interval, long next to a timer's cost. */
  static final long SLICE_NANOS = 50_000_000L;

  private final WarcConfig config;
  private transient ListState<String> queue;
  private transient ValueState<Long> emitted;
  private transient Map<Integer, WarcRecordReader> open;
  private transient StageCounters counters;

  public ReadAnnouncedWarc(WarcConfig config) {
    this.config = config;
  }

  /**
   * {@code readers} keys, the i-th of which Flink assigns to subtask i of {@code readers} (at max
   * parallelism {@code maxParallelism}): every subtask reads, none reads for two.
   */
  public static int[] readerKeys(int readers, int maxParallelism) {
    int[] keys = new int[readers];
    java.util.Arrays.fill(keys, -1);
    int found = 0;
    for (int k = 0; found < readers; k++) {
      int subtask = org.apache.flink.runtime.state.KeyGroupRangeAssignment.assignKeyToParallelOperator(k, maxParallelism, readers);
      if (keys[subtask] < 0) {
        keys[subtask] = k;
        found++;
      }
    }
    return keys;
  }

  @Override
  public void open(OpenContext context) {
    queue = getRuntimeContext().getListState(new ListStateDescriptor<>("queue", Types.STRING));
    emitted = getRuntimeContext().getState(new ValueStateDescriptor<>("emitted", Types.LONG));
    open = new HashMap<>();
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(String message, Context ctx, Collector<WarcItem> out) throws Exception {
    Announcement a = Announcement.parse(message);
    if (a == null) {
      String shown = message == null ? "" : message.length() > 200 ? message.substring(0, 200) + "..." : message;
      out.collect(WarcItem.of(Rejection.of(WarcReason.UNREADABLE_FILE, DocIds.ofLocation(shown, 0), "",
          "the announcement names no WARC file (expected a path, a URL or {\"warc\": ...}): " + shown, shown, 0)));
      return;
    }
    counters.inc(Count.INCREMENTAL_ANNOUNCEMENTS);
    boolean idle = !queue.get().iterator().hasNext();
    queue.add(message);
    if (idle) {
      emitted.update(0L);
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WarcItem> out) throws Exception {
    List<String> files = new ArrayList<>();
    queue.get().forEach(files::add);
    if (files.isEmpty()) {
      return;
    }
    String location = Announcement.parse(files.get(0)).location();
    long done = emitted.value() == null ? 0 : emitted.value();
    boolean finished = false;
    try {
      WarcRecordReader reader = open.get(ctx.getCurrentKey());
      if (reader == null) {
        reader = new WarcRecordReader(WarcInputs.open(location, location, config), config);
        open.put(ctx.getCurrentKey(), reader);
        for (long skip = 0; skip < done && reader.next() != null; skip++) {
          // restored mid-file: these items went out before the checkpoint
        }
      }
      long deadline = System.nanoTime() + SLICE_NANOS;
      while (!finished && System.nanoTime() < deadline) {
        WarcItem item = reader.next();
        if (item == null) {
          finished = true;
        } else {
          out.collect(item);
          done++;
        }
      }
    } catch (Exception e) {
      out.collect(WarcItem.of(Rejection.of(WarcReason.UNREADABLE_FILE, DocIds.ofLocation(location, 0), "",
          e.getClass().getSimpleName() + ": " + e.getMessage(), location, 0)));
      out.collect(WarcItem.of(WarcFileStats.empty(location)));
      finished = true;
    }
    if (finished) {
      close(ctx.getCurrentKey());
      files.remove(0);
      queue.update(files);
      done = 0;
    }
    emitted.update(done);
    if (!files.isEmpty()) {
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime());
    }
  }

  private void close(int key) {
    WarcRecordReader r = open.remove(key);
    if (r != null) {
      try {
        r.close();
      } catch (Exception ignored) {
        // the file was read to its end; nothing is lost by a failed close
      }
    }
  }

  @Override
  public void close() {
    for (Integer k : open.keySet().toArray(Integer[]::new)) {
      close(k);
    }
  }
}

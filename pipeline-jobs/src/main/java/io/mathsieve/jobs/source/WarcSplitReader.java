package io.mathsieve.jobs.source;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

/**
 * Reads the assigned WARC files one after another on the source's fetcher thread, handing records
 * over in batches bounded by count and body bytes, so memory stays flat whatever the file sizes.
 */
final class WarcSplitReader implements SplitReader<ReadItem, WarcSplit> {
  /** Resume offset of a split whose stats were emitted: nothing is left to read. */
  static final long DONE = -1;

  private static final int MAX_ITEMS_PER_FETCH = 256;
  private static final long MAX_BYTES_PER_FETCH = 16L << 20;

  private final WarcConfig config;
  private final Deque<WarcSplit> splits = new ArrayDeque<>();
  private WarcSplit currentSplit;
  private WarcRecordReader current;

  WarcSplitReader(WarcConfig config) {
    this.config = config;
  }

  @Override
  public RecordsWithSplitIds<ReadItem> fetch() throws IOException {
    RecordsBySplits.Builder<ReadItem> batch = new RecordsBySplits.Builder<>();
    if (current == null && !openNext(batch)) {
      return batch.build();
    }
    String id = currentSplit.splitId();
    long bytes = 0;
    for (int n = 0; n < MAX_ITEMS_PER_FETCH && bytes < MAX_BYTES_PER_FETCH; n++) {
      WarcItem item = current.next();
      if (item == null) {
        batch.addFinishedSplit(id);
        closeCurrent();
        break;
      }
      if (item.isFileStats()) {
        batch.add(id, new ReadItem(item, DONE, 0, item.fileStats()));
      } else {
        batch.add(id, new ReadItem(item, current.resumeOffset(), current.resumeSkip(), current.statsSoFar()));
        if (item.isPage()) {
          bytes += item.page().body().length;
        }
      }
    }
    return batch.build();
  }

  /** Opens the next split; an unreadable file becomes one rejection and its stats. Returns whether one is open. */
  private boolean openNext(RecordsBySplits.Builder<ReadItem> batch) {
    while (!splits.isEmpty()) {
      WarcSplit split = splits.poll();
      if (split.offset() == DONE) {
        batch.addFinishedSplit(split.splitId());
        continue;
      }
      try {
        current = new WarcRecordReader(WarcInputs.open(split.location(), split.name(), config), config, split.offset(), split.skip(), split.statsSoFar());
        currentSplit = split;
        return true;
      } catch (IOException | RuntimeException e) {
        Rejection r = Rejection.of(WarcReason.UNREADABLE_FILE, DocIds.ofLocation(split.name(), split.offset()), "",
            e.getClass().getSimpleName() + ": " + e.getMessage(), split.name(), split.offset());
        WarcFileStats stats = split.statsSoFar();
        batch.add(split.splitId(), new ReadItem(WarcItem.of(r), DONE, 0, stats));
        batch.add(split.splitId(), new ReadItem(WarcItem.of(stats), DONE, 0, stats));
        batch.addFinishedSplit(split.splitId());
        return false;
      }
    }
    return false;
  }

  @Override
  public void handleSplitsChanges(SplitsChange<WarcSplit> change) {
    splits.addAll(change.splits());
  }

  @Override
  public void wakeUp() {
    // fetch() never blocks for long: it returns after one bounded batch
  }

  private void closeCurrent() throws IOException {
    if (current != null) {
      current.close();
      current = null;
      currentSplit = null;
    }
  }

  @Override
  public void close() throws Exception {
    closeCurrent();
  }
}

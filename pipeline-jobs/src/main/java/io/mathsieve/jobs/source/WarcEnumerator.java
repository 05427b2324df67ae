package io.mathsieve.jobs.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands out WARC files one at a time to readers that ask, so fast readers take more files and one
 * slow file does not hold a whole slot's share of the input. Files given back after a failure are
 * handed out again.
 */
final class WarcEnumerator implements SplitEnumerator<WarcSplit, Collection<WarcSplit>> {
  private final SplitEnumeratorContext<WarcSplit> context;
  private final Deque<WarcSplit> pending;

  WarcEnumerator(SplitEnumeratorContext<WarcSplit> context, Collection<WarcSplit> splits) {
    this.context = context;
    this.pending = new ArrayDeque<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtask, String hostname) {
    WarcSplit next = pending.pollFirst();
    if (next != null) {
      context.assignSplit(next, subtask);
    } else {
      context.signalNoMoreSplits(subtask);
    }
  }

  @Override
  public void addSplitsBack(List<WarcSplit> splits, int subtask) {
    for (int i = splits.size() - 1; i >= 0; i--) {
      pending.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtask) {
    // readers ask for splits themselves
  }

  @Override
  public Collection<WarcSplit> snapshotState(long checkpointId) {
    return new ArrayList<>(pending);
  }

  @Override
  public void close() {}
}

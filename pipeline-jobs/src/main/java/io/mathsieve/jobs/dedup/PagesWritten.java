package io.mathsieve.jobs.dedup;

import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.TextDocument;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** The last step before the pages store: unwraps the candidate and counts {@code pages.written}. */
public final class PagesWritten extends RichMapFunction<DedupCandidate, TextDocument> {
  private transient StageCounters counters;

  @Override
  public void open(OpenContext context) {
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public TextDocument map(DedupCandidate c) {
    counters.inc(Count.PAGES_WRITTEN);
    return c.doc();
  }
}

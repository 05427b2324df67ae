package io.mathsieve.jobs.run;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/** Passes every element on and counts it under one {@link Count}: a stream's size in the run summary. */
public final class CountEach<T> extends RichFilterFunction<T> {
  private final Count count;
  private transient StageCounters counters;

  public CountEach(Count count) {
    this.count = count;
  }

  @Override
  public void open(OpenContext context) {
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public boolean filter(T element) {
    counters.inc(count);
    return true;
  }
}

package io.mathsieve.jobs.run;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A join of two keyed inputs that decides once a key is complete: the batch jobs' way to meet a
 * page and what another stage said about it without holding either side anywhere but keyed
 * state. In a bounded (batch-mode) job both inputs arrive sorted by key and the watermark jumps
 * to the end of time after each key, so an event-time timer at {@code Long.MAX_VALUE} fires exactly
 * then. The key's elements of each input are kept in keyed list state, handed to {@link #decide}
 * and cleared: a subclass only decides.
 */
public abstract class EndOfKeyJoin<K, A, B, O> extends KeyedCoProcessFunction<K, A, B, O> {
  private final TypeInformation<A> firstType;
  private final TypeInformation<B> secondType;
  private transient ListState<A> firsts;
  private transient ListState<B> seconds;
  /** The stage's counters, for {@link #decide}. */
  protected transient StageCounters counters;

  protected EndOfKeyJoin(TypeInformation<A> firstType, TypeInformation<B> secondType) {
    this.firstType = firstType;
    this.secondType = secondType;
  }

  @Override
  public void open(OpenContext context) {
    firsts = getRuntimeContext().getListState(new ListStateDescriptor<>("first", firstType));
    seconds = getRuntimeContext().getListState(new ListStateDescriptor<>("second", secondType));
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public final void processElement1(A a, Context ctx, Collector<O> out) throws Exception {
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    firsts.add(a);
  }

  @Override
  public final void processElement2(B b, Context ctx, Collector<O> out) throws Exception {
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    seconds.add(b);
  }

  @Override
  public final void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    decide(orEmpty(firsts.get()), orEmpty(seconds.get()), ctx, out);
    firsts.clear();
    seconds.clear();
  }

  /**
   * Decides the key ({@code ctx.getCurrentKey()}) from all its elements of each input, in arrival
   * order (either may be empty); side outputs go through {@code ctx}.
   */
  protected abstract void decide(Iterable<A> firsts, Iterable<B> seconds, OnTimerContext ctx, Collector<O> out) throws Exception;

  /** The last of {@code items}, or null when there is none: for a side that holds at most one element per key. */
  protected static <T> T last(Iterable<T> items) {
    T last = null;
    for (T item : items) {
      last = item;
    }
    return last;
  }

  private static <T> Iterable<T> orEmpty(Iterable<T> items) {
    return items == null ? List.of() : items;
  }
}

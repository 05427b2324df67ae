package io.mathsieve.jobs.run;

import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A join of two keyed inputs that decides once a key is complete: the batch jobs' way to meet a
 * page and what another stage said about it without holding either side anywhere but keyed
 * state. In a bounded (batch-mode) job both inputs arrive sorted by key and the watermark jumps
 * to the end of time after each key, so an event-time timer at {@code Long.MAX_VALUE} fires exactly
 * then. Subclasses keep what they need of each element ({@link #first}, {@link #second}) and decide
 * in {@code onTimer}, where they clear that state.
 */
public abstract class EndOfKeyJoin<K, A, B, O> extends KeyedCoProcessFunction<K, A, B, O> {
  @Override
  public final void processElement1(A a, Context ctx, Collector<O> out) throws Exception {
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    first(a);
  }

  @Override
  public final void processElement2(B b, Context ctx, Collector<O> out) throws Exception {
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    second(b);
  }

  /** Keeps what the key's decision needs of an element of the first input. */
  protected abstract void first(A a) throws Exception;

  /** Keeps what the key's decision needs of an element of the second input. */
  protected abstract void second(B b) throws Exception;
}

package io.mathsieve.jobs.dedup;

import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * A keyed function that collects a key's elements and acts once the key is complete. In a bounded
 * (batch-mode) job inputs arrive sorted by key and the watermark jumps to the end of time after
 * each key, so an event-time timer at {@code Long.MAX_VALUE} fires exactly then.
 */
abstract class EndOfKeyFunction<K, I, O> extends KeyedProcessFunction<K, I, O> {
  /** Call on a key's first element. */
  protected void atEndOfKey(Context ctx) {
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
  }
}

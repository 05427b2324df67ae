package io.mathsieve.jobs.incremental;

import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A function over one resource (the model, the benchmark index) that a control message can replace
 * while the job runs. The subtask that receives a message checks the new resource once
 * ({@link #check}): one that does not load, or does not fit, is counted as rejected and ignored.
 * An accepted location goes into broadcast state, so every subtask, and a job restored from a
 * checkpoint, switches to it before its next element.
 */
abstract class SwitchableFunction<IN, OUT> extends BroadcastProcessFunction<IN, Control, OUT> {
  private final String resource;
  private final String initial;
  private final Location requested;
  private final Count accepted;
  private transient String current;
  protected transient StageCounters counters;

  /**
   * @param resource the key in {@link Control#STATE}
   * @param initial the location to start with
   * @param requested the location a message asks for, empty when it leaves this resource alone
   * @param accepted counted for each accepted message
   */
  SwitchableFunction(String resource, String initial, Location requested, Count accepted) {
    this.resource = resource;
    this.initial = initial;
    this.requested = requested;
    this.accepted = accepted;
  }

  /** A message's location for this resource; serializable because the function ships to the tasks. */
  interface Location extends java.util.function.Function<Control, String>, java.io.Serializable {}

  /** Throws when {@code location} cannot serve: it fails to load, or does not fit the job. */
  protected abstract void check(String location);

  /** Uses the resource at {@code location} from now on (also called once with the initial one). */
  protected abstract void switchTo(String location);

  /** Handles one element with the current resource. */
  protected abstract void process(IN element, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

  @Override
  public void open(OpenContext context) {
    counters = new StageCounters(getRuntimeContext());
    switchTo(initial);
    current = initial;
  }

  @Override
  public final void processBroadcastElement(Control c, Context ctx, Collector<OUT> out) throws Exception {
    String location = requested.apply(c);
    if (location.isEmpty()) {
      return;
    }
    try {
      check(location);
    } catch (RuntimeException e) {
      counters.inc(Count.INCREMENTAL_CONTROL_REJECTED);
      return;
    }
    ctx.getBroadcastState(Control.STATE).put(resource, location);
    counters.inc(accepted);
  }

  @Override
  public final void processElement(IN element, ReadOnlyContext ctx, Collector<OUT> out) throws Exception {
    String wanted = ctx.getBroadcastState(Control.STATE).get(resource);
    if (wanted != null && !wanted.equals(current)) {
      switchTo(wanted);
      current = wanted;
    }
    process(element, ctx, out);
  }
}

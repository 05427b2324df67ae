package io.mathsieve.jobs.run;

import io.mathsieve.schemas.Rejection;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counts what a stage does, twice: as Flink metrics ({@code <stage>.total}, {@code .forwarded},
 * {@code .dropped.<reason>}, visible in the Web UI while the job runs) and as accumulators (summed
 * over all subtasks into the run summary when the job ends). Counters are created on first use.
 */
public final class StageCounters {
  /** Accumulator name prefix for drops: {@code dropped.<stage>/<reason>}. */
  public static final String DROPPED = "dropped.";

  private final RuntimeContext context;
  private final MetricGroup metrics;
  private final Map<String, Counter> counters = new HashMap<>();
  private final Map<String, LongCounter> accumulators = new HashMap<>();

  public StageCounters(RuntimeContext context) {
    this.context = context;
    this.metrics = context.getMetricGroup();
  }

  /** Adds {@code n} to the metric and accumulator {@code name}. */
  public void add(String name, long n) {
    counters.computeIfAbsent(name, this::counter).inc(n);
    accumulators.computeIfAbsent(name, this::accumulator).add(n);
  }

  public void inc(String name) {
    add(name, 1);
  }

  /** Counts a drop under its stage and reason. */
  public void dropped(Rejection r) {
    inc(r.stage() + ".dropped." + r.reason());
    accumulators.computeIfAbsent(DROPPED + r.key(), this::accumulator).add(1);
  }

  /** {@code a.b.c} as counter {@code c} in group {@code a.b}, as Flink scopes metrics. */
  private Counter counter(String name) {
    MetricGroup group = metrics;
    String[] parts = name.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      group = group.addGroup(parts[i]);
    }
    return group.counter(parts[parts.length - 1]);
  }

  private LongCounter accumulator(String name) {
    LongCounter existing = (LongCounter) context.<Long, Long>getAccumulator(name);
    if (existing != null) {
      return existing;
    }
    LongCounter c = new LongCounter();
    context.addAccumulator(name, c);
    return c;
  }
}

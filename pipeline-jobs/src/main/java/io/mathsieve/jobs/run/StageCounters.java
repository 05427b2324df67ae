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
 * over all subtasks into the run summary when the job ends, read through {@link Counts}). Counters
 * are named by {@link Count}, drops by their rejection's reason, and are created on first use.
 */
public final class StageCounters {
  /** Accumulator name prefix for drops: {@code dropped.<stage>/<reason>}. */
  static final String DROPPED = "dropped.";
  /** Accumulator name prefix for pages by language: {@code extract.lang.<code>}. */
  static final String LANGUAGE = "extract.lang.";

  private final RuntimeContext context;
  private final MetricGroup metrics;
  private final Map<String, Counter> counters = new HashMap<>();
  private final Map<String, LongCounter> accumulators = new HashMap<>();

  public StageCounters(RuntimeContext context) {
    this.context = context;
    this.metrics = context.getMetricGroup();
  }

  /** Adds {@code n} to the metric and accumulator of {@code c}. */
  public void add(Count c, long n) {
    add(c.metric(), n);
  }

  public void inc(Count c) {
    add(c.metric(), 1);
  }

  /** Counts a page in language {@code code}. */
  public void language(String code) {
    add(LANGUAGE + code, 1);
  }

  private void add(String name, long n) {
    counters.computeIfAbsent(name, this::counter).inc(n);
    accumulators.computeIfAbsent(name, this::accumulator).add(n);
  }

  /** Counts a drop under its stage and reason. */
  public void dropped(Rejection r) {
    add(r.stage() + ".dropped." + r.reason(), 1);
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

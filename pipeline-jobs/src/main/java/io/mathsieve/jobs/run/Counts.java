package io.mathsieve.jobs.run;

import io.mathsieve.schemas.DropReason;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;

/** A finished job's counters, read by {@link Count} and {@link DropReason}: what summaries are built from. */
public final class Counts {
  private final Map<String, Object> accumulators;

  private Counts(Map<String, Object> accumulators) {
    this.accumulators = accumulators;
  }

  public static Counts of(JobExecutionResult result) {
    return new Counts(result.getAllAccumulatorResults());
  }

  public static Counts of(Map<String, Object> accumulators) {
    return new Counts(accumulators);
  }

  /** The count, summed over subtasks; 0 when no subtask counted (the counter is created on first use). */
  public long get(Count c) {
    return value(c.metric());
  }

  /** Documents dropped for {@code reason}. */
  public long dropped(DropReason reason) {
    return value(StageCounters.DROPPED + reason.key());
  }

  /** Every drop, by {@code stage/reason} key, in key order. */
  public Map<String, Long> dropped() {
    return withPrefix(StageCounters.DROPPED);
  }

  /** Pages by language code, in code order. */
  public Map<String, Long> languages() {
    return withPrefix(StageCounters.LANGUAGE);
  }

  private Map<String, Long> withPrefix(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    accumulators.forEach((k, v) -> {
      if (k.startsWith(prefix) && v instanceof Number n) {
        out.put(k.substring(prefix.length()), n.longValue());
      }
    });
    return out;
  }

  private long value(String name) {
    Object v = accumulators.get(name);
    return v instanceof Number n ? n.longValue() : 0;
  }
}

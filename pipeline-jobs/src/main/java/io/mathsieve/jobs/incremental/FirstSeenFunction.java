package io.mathsieve.jobs.incremental;

import io.mathsieve.dedup.DedupReason;
import io.mathsieve.jobs.dedup.DedupCandidate;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.Rejection;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * URL or exact-content dedup against all history (keyed by canonical URL or text hash): the first
 * page seen under a key is kept and remembered; every later one is a rejection naming it. (Batch
 * dedup keeps the latest capture of a set it sees whole; a stream cannot wait for later ones.) The
 * second input seeds the history with the keys of an earlier corpus ({@code --bootstrap-from}).
 */
public final class FirstSeenFunction extends KeyedCoProcessFunction<String, DedupCandidate, FirstSeenFunction.Seen, DedupCandidate> {
  /** A key already in the history, and what it names ({@code doc_id url}). */
  public record Seen(String key, String kept) implements java.io.Serializable {}

  public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("first-seen-rejections", TypeInformation.of(Rejection.class));

  private final DedupReason reason;
  private final Duration ttl;
  private transient ValueState<String> kept;
  private transient StageCounters counters;

  public FirstSeenFunction(DedupReason reason, Duration ttl) {
    this.reason = reason;
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<String> d = new ValueStateDescriptor<>("kept", Types.STRING);
    if (!ttl.isZero()) {
      d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
    }
    kept = getRuntimeContext().getState(d);
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement2(Seen seen, Context ctx, Collector<DedupCandidate> out) throws Exception {
    if (kept.value() == null) {
      kept.update(seen.kept());
    }
  }

  @Override
  public void processElement1(DedupCandidate c, Context ctx, Collector<DedupCandidate> out) throws Exception {
    String first = kept.value();
    if (first == null) {
      kept.update(c.doc().docId() + " " + c.doc().url());
      out.collect(c);
      return;
    }
    Rejection r = c.doc().reject(reason, "duplicate of " + first + " (seen before)");
    counters.dropped(r);
    ctx.output(REJECTIONS, r);
  }
}

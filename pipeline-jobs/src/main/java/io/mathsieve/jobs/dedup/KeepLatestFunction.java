package io.mathsieve.jobs.dedup;

import io.mathsieve.dedup.DedupReason;
import io.mathsieve.dedup.DuplicateOrder;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keeps one page per key (canonical URL or content hash), in a bounded (batch-mode) job: the latest
 * fetch, ties by WARC record id. Every other page of the key becomes a rejection naming the kept
 * page, emitted once the key is complete, so the named page is the one actually kept.
 */
public final class KeepLatestFunction extends KeyedProcessFunction<String, DedupCandidate, DedupCandidate> {
  public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("dedup-rejections", TypeInformation.of(Rejection.class));

  private final DedupReason reason;
  private transient ValueState<DedupCandidate> kept;
  private transient ListState<TextDocument> dropped;
  private transient StageCounters counters;

  public KeepLatestFunction(DedupReason reason) {
    this.reason = reason;
  }

  @Override
  public void open(OpenContext context) {
    kept = getRuntimeContext().getState(new ValueStateDescriptor<>("kept", TypeInformation.of(DedupCandidate.class)));
    dropped = getRuntimeContext().getListState(new ListStateDescriptor<>("dropped", TypeInformation.of(TextDocument.class)));
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(DedupCandidate c, Context ctx, Collector<DedupCandidate> out) throws Exception {
    counters.inc(reason == DedupReason.URL ? Count.DEDUP_URL_TOTAL : Count.DEDUP_EXACT_TOTAL);
    DedupCandidate current = kept.value();
    if (current == null) {
      kept.update(c);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // fires when the key is complete
      return;
    }
    TextDocument a = c.doc();
    TextDocument b = current.doc();
    if (DuplicateOrder.latestFetchFirst(a.fetchTime(), a.warcRecordId(), a.url(), b.fetchTime(), b.warcRecordId(), b.url()) < 0) {
      dropped.add(b);
      kept.update(c);
    } else {
      dropped.add(a);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<DedupCandidate> out) throws Exception {
    DedupCandidate winner = kept.value();
    if (winner == null) {
      return;
    }
    counters.inc(reason == DedupReason.URL ? Count.DEDUP_URL_FORWARDED : Count.DEDUP_EXACT_FORWARDED);
    out.collect(winner);
    for (TextDocument d : dropped.get()) {
      Rejection r = d.reject(reason, "duplicate of " + winner.doc().docId() + " " + winner.doc().url());
      counters.dropped(r);
      ctx.output(REJECTIONS, r);
    }
    kept.clear();
    dropped.clear();
  }
}

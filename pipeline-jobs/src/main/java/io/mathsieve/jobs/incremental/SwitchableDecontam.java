package io.mathsieve.jobs.incremental;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.index.BenchmarkIndex;
import io.mathsieve.jobs.decontam.DecontamFunction;
import io.mathsieve.jobs.decontam.IndexCache;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.store.CorpusAdapter;
import io.mathsieve.schemas.CorpusRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The decontamination check of the batch stage ({@link DecontamFunction#check}), with an index a
 * control message can replace while the job runs (an index that does not load, or was built with
 * another n, is counted and ignored).
 */
public final class SwitchableDecontam extends BroadcastProcessFunction<CorpusRow, Control, CorpusRow> {
  private final String index;
  private final DecontamConfig config;
  private final CorpusAdapter adapter = new CorpusAdapter();
  private transient String current;
  private transient BenchmarkIndex.Scanner scanner;
  private transient StageCounters counters;

  public SwitchableDecontam(String index, DecontamConfig config) {
    this.index = index;
    this.config = config;
  }

  @Override
  public void open(OpenContext context) {
    current = index;
    scanner = IndexCache.get(index).scanner();
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processBroadcastElement(Control c, Context ctx, Collector<CorpusRow> out) throws Exception {
    if (c.index().isEmpty()) {
      return;
    }
    try {
      if (IndexCache.get(c.index()).ngram() != config.ngram()) {
        counters.inc(Count.INCREMENTAL_CONTROL_REJECTED);
        return;
      }
      ctx.getBroadcastState(Control.STATE).put("index", c.index());
      counters.inc(Count.INCREMENTAL_CONTROL_INDEX);
    } catch (RuntimeException e) {
      counters.inc(Count.INCREMENTAL_CONTROL_REJECTED);
    }
  }

  @Override
  public void processElement(CorpusRow row, ReadOnlyContext ctx, Collector<CorpusRow> out) throws Exception {
    String wanted = ctx.getBroadcastState(Control.STATE).get("index");
    if (wanted != null && !wanted.equals(current)) {
      current = wanted;
      scanner = IndexCache.get(wanted).scanner();
    }
    DecontamFunction.check(row, scanner, config.mode(), adapter, counters, out::collect, m -> ctx.output(DecontamFunction.MATCHES, m),
        r -> ctx.output(DecontamFunction.REJECTIONS, r));
  }
}

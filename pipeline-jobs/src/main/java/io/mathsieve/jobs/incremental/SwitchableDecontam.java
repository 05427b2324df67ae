package io.mathsieve.jobs.incremental;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.index.BenchmarkIndex;
import io.mathsieve.jobs.decontam.DecontamFunction;
import io.mathsieve.jobs.decontam.IndexCache;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.store.CorpusAdapter;
import io.mathsieve.schemas.CorpusRow;
import org.apache.flink.util.Collector;

/**
 * The decontamination check of the batch stage ({@link DecontamFunction#check}), with an index a
 * control message can replace while the job runs (an index that does not load, or was built with
 * another n, is counted and ignored).
 */
public final class SwitchableDecontam extends SwitchableFunction<CorpusRow, CorpusRow> {
  private final DecontamConfig config;
  private final CorpusAdapter adapter = new CorpusAdapter();
  private transient BenchmarkIndex.Scanner scanner;

  public SwitchableDecontam(String index, DecontamConfig config) {
    super("index", index, Control::index, Count.INCREMENTAL_CONTROL_INDEX);
    this.config = config;
  }

  @Override
  protected void check(String index) {
    int n = IndexCache.get(index).ngram();
    if (n != config.ngram()) {
      throw new IllegalArgumentException(index + " holds " + n + "-grams, the job matches " + config.ngram() + "-grams");
    }
  }

  @Override
  protected void switchTo(String index) {
    scanner = IndexCache.get(index).scanner();
  }

  @Override
  protected void process(CorpusRow row, ReadOnlyContext ctx, Collector<CorpusRow> out) {
    DecontamFunction.check(row, scanner, config.mode(), adapter, counters, out::collect, m -> ctx.output(DecontamFunction.MATCHES, m),
        r -> ctx.output(DecontamFunction.REJECTIONS, r));
  }
}

package io.mathsieve.jobs.decontam;

import io.mathsieve.schemas.StoredDocument;
import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.index.BenchmarkIndex;
import io.mathsieve.decontam.index.BenchmarkIndex.Match;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.store.DocAdapter;
import io.mathsieve.schemas.DecontamMatch;
import io.mathsieve.schemas.Rejection;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The decontamination operator: checks each document against the benchmark index (loaded once per
 * TaskManager) and drops it as {@code decontam/ngram} or {@code decontam/exact}, or in report-only
 * mode keeps it; every match is also an audit row naming the benchmark, item and matched tokens.
 */
public final class DecontamFunction<T extends StoredDocument> extends ProcessFunction<T, T> {
  public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("decontam-rejections", TypeInformation.of(Rejection.class));
  public static final OutputTag<DecontamMatch> MATCHES = new OutputTag<>("decontam-matches", TypeInformation.of(DecontamMatch.class));

  private final String indexLocation;
  private final DecontamConfig.Mode mode;
  private final DocAdapter<T> adapter;
  private transient BenchmarkIndex.Scanner scanner;
  private transient StageCounters counters;

  public DecontamFunction(String indexLocation, DecontamConfig.Mode mode, DocAdapter<T> adapter) {
    this.indexLocation = indexLocation;
    this.mode = mode;
    this.adapter = adapter;
  }

  @Override
  public void open(OpenContext context) {
    scanner = IndexCache.get(indexLocation).scanner();
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(T row, Context ctx, Collector<T> out) {
    check(row, scanner, mode, adapter, counters, out::collect, m -> ctx.output(MATCHES, m), r -> ctx.output(REJECTIONS, r));
  }

  /**
   * Checks one document: passes it to {@code keep}, or (in drop mode) to {@code reject}; every
   * match also goes to {@code audit}. Shared with the incremental job's switchable-index operator.
   */
  public static <T extends StoredDocument> void check(T row, BenchmarkIndex.Scanner scanner, DecontamConfig.Mode mode, DocAdapter<T> adapter, StageCounters counters,
      java.util.function.Consumer<T> keep, java.util.function.Consumer<DecontamMatch> audit, java.util.function.Consumer<Rejection> reject) {
    counters.inc(Count.DECONTAM_TOTAL);
    String text = adapter.text(row);
    Match m = scanner.find(text);
    if (m == null) {
      counters.inc(Count.DECONTAM_FORWARDED);
      keep.accept(row);
      return;
    }
    String matched = BenchmarkIndex.matchedText(text, m);
    boolean drop = mode == DecontamConfig.Mode.DROP;
    audit.accept(new DecontamMatch(adapter.docId(row), adapter.url(row), m.benchmark(), m.itemId(), m.reason().code(), matched,
        drop ? "dropped" : "reported"));
    if (drop) {
      Rejection r = adapter.reject(row, m.reason(), m.benchmark() + " " + m.itemId() + " " + m.reason().code() + " \"" + matched + "\"");
      counters.dropped(r);
      reject.accept(r);
    } else {
      counters.inc(Count.DECONTAM_REPORTED);
      counters.inc(Count.DECONTAM_FORWARDED);
      keep.accept(row);
    }
  }
}

package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.iterate.Domains;
import io.mathsieve.classifiers.iterate.ScoreHistogram;
import io.mathsieve.classifiers.iterate.UrlPatterns;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.Counts;
import io.mathsieve.jobs.run.EndOfKeyJoin;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.DomainStat;
import io.mathsieve.schemas.PatternStat;
import io.mathsieve.schemas.ScoredDocument;
import io.mathsieve.schemas.store.Stores;
import java.io.Serializable;
import org.apache.flink.core.fs.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * What an iteration collected, as distributed aggregations over its scores (never a collect of all
 * pages to one task): the collected pages, the domain table, how many collected pages are new
 * against the previous iteration, precision and recall on labelled URLs; then, in a second job,
 * the URL patterns inside the math domains with the evidence for accepting them.
 */
public final class AnalyzeJob {
  private AnalyzeJob() {}

  /** Counts of a key (domain or pattern). */
  public record Tally(String key, String domain, long pages, long collected) implements Serializable {}

  /** What the first analysis found. */
  public record Collection(long pages, long collectedPages, long collectedTokens, long newPages, long truePositives, long falsePositives,
      long falseNegatives, long labelled) {}

  /**
   * Writes {@code collected} and {@code domains} stores for iteration {@code iteration}; compares with
   * the previous iteration when {@code previous} is given.
   */
  public static Collection collect(Path scores, double threshold, Path previous, double previousThreshold, Map<String, Boolean> labels,
      double domainMinShare, int domainMinPages, int iteration, Path collectedOut, Path domainsOut, Jobs jobs) throws Exception {
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    DataStream<ScoredDocument> now = read(env, scores, "scores");
    final double t = threshold;
    StoreSinks.write(now.filter(new Collected(t, new HashMap<>(labels))).name("collected").uid("collected"), () -> Stores.SCORES,
        collectedOut.toString(), Map.of());
    DataStream<Tally> tallies = now.map(s -> new Tally(s.domain(), s.domain(), 1, ScoreHistogram.collected(s.score(), t) ? 1 : 0),
        TypeInformation.of(Tally.class)).name("domain-tally").uid("domain-tally");
    DataStream<DomainStat> domains = tallies.keyBy(Tally::key, Types.STRING)
        .reduce((a, b) -> new Tally(a.key(), a.domain(), a.pages() + b.pages(), a.collected() + b.collected())).name("domains").uid("domains")
        .map(x -> new DomainStat(x.key(), x.pages(), x.collected(), (double) x.collected() / x.pages(),
            Domains.isMathDomain(x.pages(), x.collected(), domainMinPages, domainMinShare), iteration), TypeInformation.of(DomainStat.class)).name("domain-stats").uid("domain-stats");
    StoreSinks.write(domains, () -> Stores.DOMAINS, domainsOut.toString(), Map.of());
    if (previous != null) {
      DataStream<ScoredDocument> before = read(env, previous, "previous");
      final double pt = previousThreshold;
      before.keyBy(ScoredDocument::docId, Types.STRING).connect(now.keyBy(ScoredDocument::docId, Types.STRING))
          .process(new NewPages(pt, t), Types.BOOLEAN).name("new-pages").uid("new-pages")
          .filter(b -> false).name("discard").uid("discard")
          .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>()).name("count-new").uid("count-new");
    }
    JobExecutionResult r = jobs.execute(env, "mathsieve iterate: collect (iteration " + iteration + ")");
    Counts counts = Counts.of(r);
    long collected = counts.get(Count.ITERATE_COLLECTED_PAGES);
    return new Collection(counts.get(Count.ITERATE_PAGES), collected, counts.get(Count.ITERATE_COLLECTED_TOKENS),
        previous == null ? collected : counts.get(Count.ITERATE_NEW_PAGES), counts.get(Count.ITERATE_LABELS_TP),
        counts.get(Count.ITERATE_LABELS_FP), counts.get(Count.ITERATE_LABELS_FN), counts.get(Count.ITERATE_LABELLED));
  }

  /** Writes the patterns store: every URL pattern of the math domains, marked accepted or not. */
  public static void patterns(Path scores, double threshold, Set<String> mathDomains, PatternRules rules, int iteration, Path out, Jobs jobs)
      throws Exception {
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    final double t = threshold;
    final Set<String> math = Set.copyOf(mathDomains);
    DataStream<PatternStat> patterns = read(env, scores, "scores")
        .filter(s -> math.contains(s.domain())).name("math-domains").uid("math-domains")
        .map(s -> new Tally(UrlPatterns.of(s.url()), s.domain(), 1, ScoreHistogram.collected(s.score(), t) ? 1 : 0), TypeInformation.of(Tally.class))
        .name("pattern-tally").uid("pattern-tally")
        .keyBy(Tally::key, Types.STRING)
        .reduce((a, b) -> new Tally(a.key(), a.domain(), a.pages() + b.pages(), a.collected() + b.collected())).name("patterns").uid("patterns")
        .map(x -> rules.judge(x.key(), x.domain(), x.pages(), x.collected(), iteration), TypeInformation.of(PatternStat.class))
        .name("judge-patterns").uid("judge-patterns");
    StoreSinks.write(patterns, () -> Stores.PATTERNS, out.toString(), Map.of());
    jobs.execute(env, "mathsieve iterate: patterns (iteration " + iteration + ")");
  }

  private static DataStream<ScoredDocument> read(StreamExecutionEnvironment env, Path dir, String name) {
    return env.fromSource(StoreSource.of(() -> Stores.SCORES, ScoredDocument.class, dir.toString(), null), WatermarkStrategy.noWatermarks(),
        "read-" + name).uid("read-" + name);
  }

  /** Keeps collected pages, counting pages, collected pages and tokens, and label agreement. */
  static final class Collected extends RichFilterFunction<ScoredDocument> {
    private final double threshold;
    private final HashMap<String, Boolean> labels;
    private transient StageCounters c;

    Collected(double threshold, HashMap<String, Boolean> labels) {
      this.threshold = threshold;
      this.labels = labels;
    }

    @Override
    public void open(OpenContext context) {
      c = new StageCounters(getRuntimeContext());
    }

    @Override
    public boolean filter(ScoredDocument s) {
      c.inc(Count.ITERATE_PAGES);
      boolean collected = ScoreHistogram.collected(s.score(), threshold);
      if (collected) {
        c.inc(Count.ITERATE_COLLECTED_PAGES);
        c.add(Count.ITERATE_COLLECTED_TOKENS, s.tokens());
      }
      Boolean label = labels.get(s.url());
      if (label != null) {
        c.inc(Count.ITERATE_LABELLED);
        if (collected && label) {
          c.inc(Count.ITERATE_LABELS_TP);
        } else if (collected) {
          c.inc(Count.ITERATE_LABELS_FP);
        } else if (label) {
          c.inc(Count.ITERATE_LABELS_FN);
        }
      }
      return collected;
    }
  }

  /** Counts pages collected now that were not collected by the previous iteration. */
  static final class NewPages extends EndOfKeyJoin<String, ScoredDocument, ScoredDocument, Boolean> {
    private final double before;
    private final double now;

    NewPages(double before, double now) {
      super(TypeInformation.of(ScoredDocument.class), TypeInformation.of(ScoredDocument.class));
      this.before = before;
      this.now = now;
    }

    @Override
    protected void decide(Iterable<ScoredDocument> previous, Iterable<ScoredDocument> current, OnTimerContext ctx, Collector<Boolean> out) {
      ScoredDocument p = last(previous);
      ScoredDocument n = last(current);
      if (n != null && ScoreHistogram.collected(n.score(), now) && (p == null || !ScoreHistogram.collected(p.score(), before))) {
        counters.inc(Count.ITERATE_NEW_PAGES);
      }
    }
  }
}

package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.iterate.Annotations;
import io.mathsieve.classifiers.iterate.ScoreHistogram;
import io.mathsieve.classifiers.iterate.UrlPatterns;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.CountEach;
import io.mathsieve.jobs.run.Counts;
import io.mathsieve.jobs.run.EndOfKeyJoin;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.ScoredDocument;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import org.apache.flink.core.fs.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * New seed positives: the pages under accepted URL patterns (or the user's include annotations) that
 * the iteration did not collect but scored at least {@code iterate.pattern-min-score}, minus the
 * user's excluded patterns. Also finds the pages of the
 * seed's own URL patterns (no scores yet: every page under them).
 */
public final class PositivesJob {
  private PositivesJob() {}

  /**
   * Writes the pages matching {@code patterns} (exact host/segment patterns) or {@code annotations}
   * includes, and not collected by {@code scores} at {@code threshold} when scores are given.
   * Returns how many.
   */
  public static long run(Path pages, Path scores, double threshold, double minScore, Set<String> patterns, Annotations annotations, Path out,
      Jobs jobs) throws Exception {
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    final HashSet<String> accepted = new HashSet<>(patterns);
    DataStream<TextDocument> candidates = env.fromSource(StoreSource.of(() -> Stores.PAGES, TextDocument.class, pages.toString(), null),
            WatermarkStrategy.noWatermarks(), "read-pages").uid("read-pages")
        .filter(d -> !annotations.excludes(d.url())
            && (accepted.contains(UrlPatterns.of(d.url())) || annotations.include().stream().anyMatch(p -> UrlPatterns.matches(p, d.url()))))
        .name("under-patterns").uid("under-patterns");
    DataStream<TextDocument> positives;
    if (scores == null) {
      positives = candidates.map(d -> d, TypeInformation.of(TextDocument.class)).name("all").uid("all");
    } else {
      DataStream<ScoredDocument> s = env.fromSource(StoreSource.of(() -> Stores.SCORES, ScoredDocument.class, scores.toString(), null),
          WatermarkStrategy.noWatermarks(), "read-scores").uid("read-scores");
      positives = candidates.keyBy(TextDocument::docId, Types.STRING).connect(s.keyBy(ScoredDocument::docId, Types.STRING))
          .process(new Uncollected(threshold, minScore), TypeInformation.of(TextDocument.class)).name("uncollected").uid("uncollected");
    }
    StoreSinks.write(positives.filter(new CountEach<>(Count.ITERATE_PATTERN_POSITIVES)).name("count").uid("count"), () -> Stores.PAGES, out.toString(), Map.of());
    JobExecutionResult r = jobs.execute(env, "mathsieve iterate: pattern positives");
    return Counts.of(r.getAllAccumulatorResults()).get(Count.ITERATE_PATTERN_POSITIVES);
  }

  /** Keeps a page whose score is below the collection threshold but not below the floor. */
  static final class Uncollected extends EndOfKeyJoin<String, TextDocument, ScoredDocument, TextDocument> {
    private final double threshold;
    private final double minScore;

    Uncollected(double threshold, double minScore) {
      super(TypeInformation.of(TextDocument.class), TypeInformation.of(ScoredDocument.class));
      this.threshold = threshold;
      this.minScore = minScore;
    }

    @Override
    protected void decide(Iterable<TextDocument> pages, Iterable<ScoredDocument> scores, OnTimerContext ctx, Collector<TextDocument> out) {
      TextDocument d = last(pages);
      ScoredDocument s = last(scores);
      if (d != null && s != null && !ScoreHistogram.collected(s.score(), threshold) && s.score() >= minScore) {
        out.collect(d);
      }
    }
  }
}

package io.mathsieve.jobs.classify;

import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.classifiers.iterate.Domains;
import io.mathsieve.classifiers.iterate.ScoreHistogram;
import io.mathsieve.classifiers.iterate.TokenCounter;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.ScoredDocument;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import org.apache.flink.core.fs.Path;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Scores every page of a pages store with a model, as a bounded job: writes the scores store and
 * returns the score histogram (summed over subtasks) from which the collection threshold is read.
 * Extraction is never repeated: the pages store holds the text.
 */
public final class ScoreJob {
  private ScoreJob() {}

  /** The scoring stage on a stream: the topology {@code iterate}, {@code build} and {@code incremental} reuse. */
  public static DataStream<ScoredDocument> topology(DataStream<TextDocument> pages, String model, int maxChars, Domains.Grouping grouping,
      TokenCounter tokens, int iteration) {
    return pages.map(new ScoreFunction(model, maxChars, grouping, tokens, iteration), TypeInformation.of(ScoredDocument.class))
        .name("score").uid("score");
  }

  public static ScoreHistogram run(Path pages, String model, Path scores, int maxChars, Domains.Grouping grouping, TokenCounter tokens,
      int iteration, Jobs jobs) throws Exception {
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    DataStream<TextDocument> in = env.fromSource(StoreSource.of(() -> Stores.PAGES, TextDocument.class, pages.toString(), null),
        WatermarkStrategy.noWatermarks(), "read-pages").uid("read-pages");
    StoreSinks.write(topology(in, model, maxChars, grouping, tokens, iteration), () -> Stores.SCORES, scores.toString(),
        Map.of("mathsieve.model", model, "mathsieve.iteration", String.valueOf(iteration)));
    JobExecutionResult r = jobs.execute(env, "mathsieve score (iteration " + iteration + ")");
    ScoreHistogram h = r.getAccumulatorResult(HistogramAccumulator.NAME);
    return h == null ? new ScoreHistogram() : h;
  }
}

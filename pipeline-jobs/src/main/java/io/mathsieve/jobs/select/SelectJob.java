package io.mathsieve.jobs.select;

import io.mathsieve.classifiers.iterate.ClassifyReason;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.export.CorpusReason;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.Counts;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.StoreSchema;
import io.mathsieve.schemas.store.Stores;
import io.mathsieve.jobs.run.FlinkFiles;
import org.apache.flink.core.fs.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The corpus candidates: the pages the classifier's final iteration collects, as corpus rows with
 * their full text, as a bounded Flink job. Writes {@code OUT/corpus} and {@code OUT/rejections}
 * ({@code classify/not_collected}, {@code corpus/full_text_unavailable}).
 */
public final class SelectJob {
  private SelectJob() {}

  /** The three columns of a scores store this job reads. */
  record ScoreRow(String docId, double score, int iteration) implements java.io.Serializable {}

  static final StoreSchema<ScoreRow> SCORE_COLUMNS =
      StoreSchema.<ScoreRow>builder("scores", 1, "doc_id, score and iteration of the scores store.")
          .string("doc_id", "The page.", ScoreRow::docId)
          .float64("score", "Its score.", ScoreRow::score)
          .int32("iteration", "The iteration.", ScoreRow::iteration)
          .build(r -> new ScoreRow(r.string("doc_id"), r.float64("score"), r.int32("iteration")));

  private static final List<String> COLUMNS = List.of("doc_id", "score", "iteration");

  /**
   * What the classifier decided.
   *
   * @param finalScores the final iteration's scores store
   * @param earlierCollected the collected stores of the iterations before it
   * @param finalIteration the final iteration
   * @param threshold its collection threshold
   * @param modelVersion its model's version
   */
  public record Classification(Path finalScores, List<Path> earlierCollected, int finalIteration, double threshold, String modelVersion) {}

  /** Counts of one run. */
  public record Result(long pages, long selected, long notCollected, long reread, long fullTextUnavailable, long textBytes) {}

  public static Result run(Path pages, Classification c, Map<String, String> warcLocations, MathsieveConfig config,
      Path output, Jobs jobs) throws Exception {
    OutputDirectory.prepare(output, true, List.of("corpus", "rejections"));
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    DataStream<TextDocument> docs = env.fromSource(StoreSource.of(() -> Stores.PAGES, TextDocument.class, pages.toString(), null),
        WatermarkStrategy.noWatermarks(), "read-pages").uid("read-pages");
    DataStream<Selection> selections = env.fromSource(
            StoreSource.of(() -> SCORE_COLUMNS, ScoreRow.class, c.finalScores().toString(), COLUMNS),
            WatermarkStrategy.noWatermarks(), "read-final-scores").uid("read-final-scores")
        .map(s -> new Selection(s.docId(), s.score(), s.iteration(), true), TypeInformation.of(Selection.class)).name("final-scores")
        .uid("final-scores");
    for (int i = 0; i < c.earlierCollected().size(); i++) {
      Path p = c.earlierCollected().get(i);
      if (FlinkFiles.isDirectory(p)) {
        selections = selections.union(env.fromSource(
                StoreSource.of(() -> SCORE_COLUMNS, ScoreRow.class, p.toString(), COLUMNS),
                WatermarkStrategy.noWatermarks(), "read-collected-" + i).uid("read-collected-" + i)
            .map(s -> new Selection(s.docId(), s.score(), s.iteration(), false), TypeInformation.of(Selection.class)).name("collected-" + i)
            .uid("collected-" + i));
      }
    }
    SingleOutputStreamOperator<CorpusRow> selected = docs.keyBy(TextDocument::docId, Types.STRING)
        .connect(selections.keyBy(Selection::docId, Types.STRING))
        .process(new SelectFunction(c.threshold(), c.finalIteration(), c.modelVersion()), TypeInformation.of(CorpusRow.class))
        .name("select").uid("select");
    SingleOutputStreamOperator<CorpusRow> full = selected.getSideOutput(SelectFunction.TRUNCATED)
        .process(new FullTextFunction(warcLocations, config.warc(), config.extract()), TypeInformation.of(CorpusRow.class))
        .name("full-text").uid("full-text");
    Map<String, String> meta = Map.of();
    StoreSinks.write(selected.union(full), () -> Stores.CORPUS, new Path(output, "corpus").toString(), meta);
    StoreSinks.write(selected.getSideOutput(SelectFunction.REJECTIONS).union(full.getSideOutput(SelectFunction.REJECTIONS)),
        () -> Stores.REJECTIONS, new Path(output, "rejections").toString(), meta);
    JobExecutionResult r = jobs.execute(env, "mathsieve select");
    Counts counts = Counts.of(r);
    return new Result(counts.get(Count.SELECT_TOTAL), counts.get(Count.SELECT_FORWARDED),
        counts.dropped(ClassifyReason.NOT_COLLECTED), counts.get(Count.SELECT_FULL_TEXT_REREAD),
        counts.dropped(CorpusReason.FULL_TEXT_UNAVAILABLE), counts.get(Count.SELECT_TEXT_BYTES));
  }
}

package io.mathsieve.jobs.incremental;

import io.mathsieve.classifiers.iterate.ClassifyReason;
import io.mathsieve.classifiers.iterate.ScoreHistogram;
import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.classifiers.math.MathSignals;
import io.mathsieve.jobs.classify.ModelCache;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores each new page with the model (one per TaskManager process) and collects those at or above
 * the threshold as corpus rows (iteration 0: collected by the incremental job); the rest are
 * {@code classify/not_collected} rejections. A control message naming a new model switches every
 * subtask to it (after loading it: a model that does not load is counted and ignored); rows record
 * the version that scored them.
 */
public final class CollectFunction extends SwitchableFunction<TextDocument, CorpusRow> {
  public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("collect-rejections", TypeInformation.of(Rejection.class));

  private final int maxChars;
  private final double threshold;
  private transient ModelCache.Lease lease;

  public CollectFunction(String model, int maxChars, double threshold) {
    super("model", model, Control::model, Count.INCREMENTAL_CONTROL_MODEL);
    this.maxChars = maxChars;
    this.threshold = threshold;
  }

  @Override
  protected void check(String model) {
    ModelCache.acquire(model, maxChars).close(); // loads it here, once per process, or fails here
  }

  @Override
  protected void switchTo(String model) {
    ModelCache.Lease next = ModelCache.acquire(model, maxChars);
    if (lease != null) {
      lease.close(); // the model before stays loaded while other slots still use it
    }
    lease = next;
  }

  @Override
  protected void process(TextDocument d, ReadOnlyContext ctx, Collector<CorpusRow> out) {
    MathClassifier classifier = lease.classifier();
    double score = classifier.score(d.text(), MathSignals.of(d.formulas(), d.hasMathMarkup()));
    counters.inc(Count.CLASSIFY_TOTAL);
    if (ScoreHistogram.collected(score, threshold)) {
      counters.inc(Count.CLASSIFY_FORWARDED);
      out.collect(CorpusRow.of(d, score, 0, classifier.version()));
    } else {
      Rejection r = d.reject(ClassifyReason.NOT_COLLECTED, String.format(Locale.ROOT, "score %.4f < threshold %.4f (model %s)", score, threshold,
          classifier.version()));
      counters.dropped(r);
      ctx.output(REJECTIONS, r);
    }
  }

  @Override
  public void close() {
    if (lease != null) {
      lease.close();
    }
  }
}

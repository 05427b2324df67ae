package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.iterate.Domains;
import io.mathsieve.classifiers.iterate.TokenCounter;
import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.classifiers.math.MathSignals;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.ScoredDocument;
import io.mathsieve.schemas.TextDocument;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Scores pages with the iteration's model (loaded once per TaskManager), reading only the capped
 * classifier input, and adds each score to the job's histogram for the budget threshold.
 */
public final class ScoreFunction extends RichMapFunction<TextDocument, ScoredDocument> {
  private final String model;
  private final int maxChars;
  private final Domains.Grouping grouping;
  private final TokenCounter tokens;
  private final int iteration;
  private transient ModelCache.Lease lease;
  private transient MathClassifier classifier;
  private transient HistogramAccumulator histogram;
  private transient StageCounters counters;

  public ScoreFunction(String model, int maxChars, Domains.Grouping grouping, TokenCounter tokens, int iteration) {
    this.model = model;
    this.maxChars = maxChars;
    this.grouping = grouping;
    this.tokens = tokens;
    this.iteration = iteration;
  }

  @Override
  public void open(OpenContext context) {
    lease = ModelCache.acquire(model, maxChars);
    classifier = lease.classifier();
    histogram = new HistogramAccumulator();
    getRuntimeContext().addAccumulator(HistogramAccumulator.NAME, histogram);
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public ScoredDocument map(TextDocument d) {
    double score = classifier.score(d.text(), MathSignals.of(d.formulas(), d.hasMathMarkup()));
    long t = tokens.tokens(d.textChars(), d.lang());
    histogram.add(score, t);
    counters.inc(Count.CLASSIFY_SCORED);
    return new ScoredDocument(d.docId(), d.url(), Domains.of(d.domain(), grouping), d.lang(), d.textChars(), t, score, classifier.version(), iteration);
  }

  @Override
  public void close() {
    if (lease != null) {
      lease.close();
    }
  }
}

package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.classify.LoopSummary;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.export.TokenRates;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.select.SelectJob;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.Path;

/**
 * The iterate stage's result: the classifier loop's summary, its final model relative to the stage
 * directory, and the tokens per char its budget was counted in. Read back strictly from the stage's
 * marker like the other stages' results ({@link StageResults}).
 *
 * @param model the final model, relative to the iterate stage's directory
 */
public record Iterated(String modelVersion, String model, TokenRatesUsed tokenRates, LoopSummary loop) implements JobSummary {

  /** The tokens per char a token budget was counted in. */
  public record TokenRatesUsed(String tokenizer, double tokensPerChar, double tokensPerCjkChar, long samplePages, long sampleCjkPages) {
    static TokenRatesUsed of(String tokenizer, TokenRates r) {
      return new TokenRatesUsed(tokenizer, r.tokensPerChar(), r.tokensPerCjkChar(), r.pages(), r.cjkPages());
    }
  }

  static Iterated read(ObjectNode marker) {
    return JobSummary.read(marker, Iterated.class, "the iterate stage's marker");
  }

  Manifest.Classifier classifier() {
    return new Manifest.Classifier(modelVersion, loop.finalIteration(), loop.finalThreshold());
  }

  /** What each iteration collected. */
  List<BuildSummary.Collected> collected() {
    return loop.iterations().stream()
        .map(i -> new BuildSummary.Collected(i.iteration(), i.collectedPages(), i.collectedTokens(), i.newPages())).toList();
  }

  /** What select keeps: the final iteration's scores above its threshold, and what earlier iterations (under {@code iterateDir}) collected. */
  SelectJob.Classification classification(Path iterateDir) {
    Path iterations = new Path(iterateDir, "iterations");
    List<Path> earlier = new ArrayList<>();
    for (int i = 1; i < loop.finalIteration(); i++) {
      earlier.add(new Path(iterations, "iter-" + i + "/collected"));
    }
    return new SelectJob.Classification(new Path(iterations, "iter-" + loop.finalIteration() + "/scores"), earlier, loop.finalIteration(),
        loop.finalThreshold(), modelVersion);
  }
}

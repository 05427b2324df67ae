package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.dedup.NearDedupSummary;
import io.mathsieve.jobs.export.ExportJob;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.export.TokenRates;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.select.SelectJob;
import java.util.ArrayList;
import java.util.List;

/**
 * What each stage of a build hands to the stages after it and to the funnel, in stage order. A
 * stage's result is also its summary: written into its completion marker and {@code run.json}
 * ({@link JobSummary#json}), and read back when the stage is skipped, so a resumed build carries
 * the same values. Extract, near-dedup and decontam hand over their jobs' own summaries
 * ({@link ExtractSummary}, {@link NearDedupSummary}, {@link DecontamReport}); the others are below.
 * Each is read back strictly: a marker with a field missing or renamed does not read, and the
 * stage runs again.
 */
final class StageResults {
  private static final ObjectMapper SNAKE = RunSummary.snakeCase();

  private StageResults() {}

  static ExtractSummary extracted(ObjectNode marker) {
    return JobSummary.read(marker, ExtractSummary.class, "the extract stage's marker");
  }

  static NearDedupSummary nearDeduped(ObjectNode marker) {
    return JobSummary.read(marker, NearDedupSummary.class, "the near-dedup stage's marker");
  }

  static DecontamReport decontaminated(ObjectNode marker) {
    return JobSummary.read(marker, DecontamReport.class, "the decontam stage's marker");
  }

  /** The classifier's loop: its final model and threshold, the token rates the budget used, and the loop's summary. */
  record Iterated(int finalIteration, double finalThreshold, String modelVersion, String model, TokenRatesUsed tokenRates, ObjectNode loop)
      implements JobSummary {
    /** The driver's own fields of the marker, read strictly like the other stages' results; the rest is the loop's summary. */
    private record Own(int finalIteration, double finalThreshold, String modelVersion, String model, TokenRatesUsed tokenRates) {}

    private static final List<String> OWN = List.of("final_iteration", "final_threshold", "model_version", "model", "token_rates");

    static Iterated read(ObjectNode n) {
      ObjectNode loop = n.deepCopy();
      ObjectNode own = SNAKE.createObjectNode();
      for (String key : OWN) {
        JsonNode v = loop.remove(key);
        if (v != null) {
          own.set(key, v);
        }
      }
      Own o = JobSummary.read(own, Own.class, "the iterate stage's marker");
      return new Iterated(o.finalIteration(), o.finalThreshold(), o.modelVersion(), o.model(), o.tokenRates(), loop);
    }

    @Override
    public ObjectNode json() {
      ObjectNode s = loop.deepCopy();
      s.put("final_iteration", finalIteration);
      s.put("final_threshold", finalThreshold);
      s.put("model_version", modelVersion);
      s.put("model", model);
      s.set("token_rates", SNAKE.valueToTree(tokenRates));
      return s;
    }

    Manifest.Classifier classifier() {
      return new Manifest.Classifier(modelVersion, finalIteration, finalThreshold);
    }

    /** What each iteration collected, from the loop's summary. */
    List<BuildSummary.Collected> collected() {
      List<BuildSummary.Collected> out = new ArrayList<>();
      JsonNode iterations = required("iterate", loop, "/iterations");
      for (int i = 0; i < iterations.size(); i++) {
        String at = "/iterations/" + i;
        out.add(new BuildSummary.Collected((int) count("iterate", loop, at + "/iteration"), count("iterate", loop, at + "/collected_pages"),
            count("iterate", loop, at + "/collected_tokens"), count("iterate", loop, at + "/new_pages")));
      }
      return out;
    }

    /** What select keeps: the final iteration's scores above its threshold, and what earlier iterations (under {@code iterateDir}) collected. */
    SelectJob.Classification classification(org.apache.flink.core.fs.Path iterateDir) {
      org.apache.flink.core.fs.Path iterations = new org.apache.flink.core.fs.Path(iterateDir, "iterations");
      List<org.apache.flink.core.fs.Path> earlier = new ArrayList<>();
      for (int i = 1; i < finalIteration; i++) {
        earlier.add(new org.apache.flink.core.fs.Path(iterations, "iter-" + i + "/collected"));
      }
      return new SelectJob.Classification(new org.apache.flink.core.fs.Path(iterations, "iter-" + finalIteration + "/scores"), earlier,
          finalIteration, finalThreshold, modelVersion);
    }
  }

  /** The tokens per char a token budget was counted in. */
  record TokenRatesUsed(String tokenizer, double tokensPerChar, double tokensPerCjkChar, long samplePages, long sampleCjkPages) {
    static TokenRatesUsed of(String tokenizer, TokenRates r) {
      return new TokenRatesUsed(tokenizer, r.tokensPerChar(), r.tokensPerCjkChar(), r.pages(), r.cjkPages());
    }
  }

  /** The collected pages as corpus rows with their full text. */
  record Selected(long pages, long collected, long notCollected, long fullTextReread, long fullTextUnavailable, long textBytes)
      implements JobSummary {
    static Selected of(SelectJob.Result s) {
      return new Selected(s.pages(), s.selected(), s.notCollected(), s.reread(), s.fullTextUnavailable(), s.textBytes());
    }

    static Selected read(ObjectNode n) {
      return JobSummary.read(n, Selected.class, "the select stage's marker");
    }
  }

  /** The corpus shards. */
  record Exported(long rows, long tokens, long files, long buckets, long bytes) implements JobSummary {
    static Exported of(ExportJob.Result e) {
      return new Exported(e.rows(), e.tokens(), e.files().size(), e.buckets(), e.files().stream().mapToLong(f -> f.bytes()).sum());
    }

    static Exported read(ObjectNode n) {
      return JobSummary.read(n, Exported.class, "the export stage's marker");
    }
  }

  /** The node at {@code pointer} of a stage's summary; an error naming the stage and the key when it is not there. */
  private static JsonNode required(String stage, JsonNode summary, String pointer) {
    JsonNode n = summary.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      throw new IllegalStateException("the " + stage + " stage's summary has no " + pointer);
    }
    return n;
  }

  /** The whole number at {@code pointer}; an error when it is missing or not a whole number. */
  private static long count(String stage, JsonNode summary, String pointer) {
    JsonNode n = required(stage, summary, pointer);
    if (!n.canConvertToExactIntegral()) {
      throw new IllegalStateException("the " + stage + " stage's summary has " + pointer + " = " + n + ", not a count");
    }
    return n.asLong();
  }
}

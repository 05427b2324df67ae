package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.export.ExportJob;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.export.TokenRates;
import io.mathsieve.jobs.select.SelectJob;
import io.mathsieve.jobs.run.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each stage of a build hands to the stages after it and to the funnel, in stage order. A
 * stage's result is also its summary: written into its completion marker and {@code run.json}
 * ({@link #summary}), and read back when the stage is skipped, so a resumed build carries the same
 * values. The jobs' own detailed summaries (extract, near-dedup, decontam) travel inside, and the
 * driver reads them only through these accessors, which fail naming the stage and key when a key
 * is missing: a renamed key in a job's summary stops the build instead of zeroing a funnel row.
 */
final class StageResults {
  private static final ObjectMapper SNAKE = RunSummary.snakeCase();

  private StageResults() {}

  /** A stage's result as the JSON of its marker and of {@code run.json}. */
  interface StageResult {
    ObjectNode summary();
  }

  /** Extract with URL and exact dedup: the job's summary. */
  record Extracted(ObjectNode summary) implements StageResult {
    long inputFiles() {
      return count("extract", summary, "/input_files");
    }

    long responseRecords() {
      return count("extract", summary, "/records/response");
    }

    long corruptRecords() {
      return count("extract", summary, "/records/corrupt");
    }

    /** Pages after URL and exact dedup. */
    long pages() {
      return count("extract", summary, "/pages");
    }

    Map<String, Long> rejections() {
      return counts("extract", summary, "/rejections");
    }
  }

  /** The classifier's loop: its final model and threshold, the token rates the budget used, and the loop's summary. */
  record Iterated(int finalIteration, double finalThreshold, String modelVersion, String model, TokenRatesUsed tokenRates, ObjectNode loop)
      implements StageResult {
    static Iterated read(ObjectNode n) {
      ObjectNode loop = n.deepCopy();
      loop.remove(List.of("final_iteration", "final_threshold", "model_version", "model", "token_rates"));
      return new Iterated(n.path("final_iteration").asInt(), n.path("final_threshold").asDouble(), n.path("model_version").asText(),
          n.path("model").asText(), SNAKE.convertValue(n.path("token_rates"), TokenRatesUsed.class), loop);
    }

    @Override
    public ObjectNode summary() {
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
    List<Collection> collected() {
      List<Collection> out = new ArrayList<>();
      JsonNode iterations = required("iterate", loop, "/iterations");
      for (int i = 0; i < iterations.size(); i++) {
        String at = "/iterations/" + i;
        out.add(new Collection((int) count("iterate", loop, at + "/iteration"), count("iterate", loop, at + "/collected_pages"),
            count("iterate", loop, at + "/collected_tokens"), count("iterate", loop, at + "/new_pages")));
      }
      return out;
    }

    /** One iteration's collection: pages, their estimated tokens, and how many the iteration before had not collected. */
    record Collection(int iteration, long pages, long estimatedTokens, long newPages) {}

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
      implements StageResult {
    static Selected of(SelectJob.Result s) {
      return new Selected(s.pages(), s.selected(), s.notCollected(), s.reread(), s.fullTextUnavailable(), s.textBytes());
    }

    static Selected read(ObjectNode n) {
      return SNAKE.convertValue(n, Selected.class);
    }

    @Override
    public ObjectNode summary() {
      return SNAKE.valueToTree(this);
    }
  }

  /** Near-dedup of the collected pages: the job's summary. */
  record NearDeduped(ObjectNode summary) implements StageResult {
    long kept() {
      return count("near-dedup", summary, "/kept");
    }

    long droppedNearDuplicates() {
      return count("near-dedup", summary, "/dropped_near_duplicates");
    }
  }

  /** Decontamination: the job's report. */
  record Decontaminated(ObjectNode summary) implements StageResult {
    long kept() {
      return count("decontam", summary, "/kept");
    }

    /** Removed documents by reason, as the job counted them (none in report mode). */
    Map<String, Long> rejections() {
      return counts("decontam", summary, "/rejections");
    }
  }

  /** The corpus shards. */
  record Exported(long rows, long tokens, long files, long buckets, long bytes) implements StageResult {
    static Exported of(ExportJob.Result e) {
      return new Exported(e.rows(), e.tokens(), e.files().size(), e.buckets(), e.files().stream().mapToLong(f -> f.bytes()).sum());
    }

    static Exported read(ObjectNode n) {
      return SNAKE.convertValue(n, Exported.class);
    }

    @Override
    public ObjectNode summary() {
      return SNAKE.valueToTree(this);
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

  /** The counts by key of the object at {@code pointer}. */
  private static Map<String, Long> counts(String stage, JsonNode summary, String pointer) {
    JsonNode n = required(stage, summary, pointer);
    Map<String, Long> m = new TreeMap<>();
    n.fields().forEachRemaining(e -> {
      if (!e.getValue().canConvertToExactIntegral()) {
        throw new IllegalStateException("the " + stage + " stage's summary has " + e.getValue() + " under " + pointer + " for '" + e.getKey()
            + "', not a count");
      }
      m.put(e.getKey(), e.getValue().asLong());
    });
    return m;
  }
}

package io.mathsieve.jobs.classify;

import io.mathsieve.jobs.run.JobRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.MathLabels;
import io.mathsieve.classifiers.math.MathTextNormalizer;
import io.mathsieve.hash.Murmur3;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.StoreSchema;
import io.mathsieve.schemas.store.Stores;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Builds one iteration's training set and trains the classifier on it, as a bounded job:
 * positives from the seed corpus (JSONL or Parquet with a {@code text} column) and from the pages of
 * accepted URL patterns; negatives from a given corpus, or sampled uniformly from the pages store
 * (a seeded hash of the doc id, so the same pages each run) excluding the seed's URLs and the
 * pattern positives. Every example is normalised once ({@link MathTextNormalizer}); a single
 * {@link TrainSink} trains fastText where the job runs.
 */
public final class TrainJob {
  private TrainJob() {}

  /** A seed document: text, and a URL when the seed has one. */
  public record SeedDoc(String text, String url) implements Serializable {}

  static final StoreSchema<SeedDoc> SEED =
      StoreSchema.<SeedDoc>builder("seed", 1, "A seed corpus: OpenWebMath-style rows with text and optional url.")
          .string("text", "Document text.", SeedDoc::text)
          .nullableString("url", "Document URL.", SeedDoc::url)
          .build(r -> new SeedDoc(r.string("text"), r.has("url") ? r.string("url") : null));

  /** What went into a training set. */
  public record Counts(long seedPositives, long patternPositives, long negatives) {}

  /**
   * @param seeds the seed corpora (positives)
   * @param patternPositives stores of pages that joined the seed through URL patterns
   * @param negatives explicit negative corpora, or empty to sample from {@code pages}
   * @param negativeRate share of pages sampled as negatives (when sampling)
   * @param excludedUrls hashes of seed URLs ({@link SeedFiles#urlHash}), never sampled as negatives
   * @param excludedDocs doc ids of pattern positives, never sampled as negatives
   */
  public static Counts run(List<Path> seeds, List<Path> patternPositives, List<Path> negatives, Path pages, double negativeRate, long sampleSeed,
      HashSet<Long> excludedUrls, HashSet<String> excludedDocs, ClassifierConfig config, Path modelPrefix, int parallelism) throws Exception {
    StreamExecutionEnvironment env = ExtractJob.environment(parallelism);
    int maxChars = config.maxChars();
    DataStream<String> examples = null;
    for (Path seed : seeds) {
      examples = union(examples, corpus(env, seed, MathLabels.MATH, maxChars, "seed"));
    }
    for (Path p : patternPositives) {
      DataStream<String> lines = env.fromSource(StoreSource.of(() -> Stores.PAGES, TextDocument.class, p.toString(), null),
              WatermarkStrategy.noWatermarks(), "read-" + p.getParent().getFileName() + "-positives").uid("read-positives-" + p.getParent().getFileName())
          .flatMap(new Lines(MathLabels.MATH, maxChars, "pattern"), Types.STRING).name("pattern-positives-" + p.getParent().getFileName())
          .uid("pattern-positives-" + p.getParent().getFileName());
      examples = union(examples, lines);
    }
    if (!negatives.isEmpty()) {
      for (Path n : negatives) {
        examples = union(examples, corpus(env, n, MathLabels.OTHER, maxChars, "negative"));
      }
    } else {
      final long cut = (long) (Math.min(1.0, negativeRate) * Long.MAX_VALUE);
      DataStream<String> sampled = env.fromSource(StoreSource.of(() -> Stores.PAGES, TextDocument.class, pages.toString(), null),
              WatermarkStrategy.noWatermarks(), "read-pages").uid("read-pages")
          .filter(d -> (Murmur3.hash64(d.docId(), sampleSeed) >>> 1) < cut && !excludedUrls.contains(SeedFiles.urlHash(d.url()))
              && !excludedDocs.contains(d.docId()))
          .name("sample-negatives").uid("sample-negatives")
          .flatMap(new Lines(MathLabels.OTHER, maxChars, "negative"), Types.STRING).name("negatives").uid("negatives");
      examples = union(examples, sampled);
    }
    examples.sinkTo(new TrainSink(modelPrefix.toString(), config)).setParallelism(1).name("train").uid("train");
    JobExecutionResult r = JobRunner.execute(env, "mathsieve iterate: train " + modelPrefix.getParent().getFileName());
    Map<String, Object> acc = r.getAllAccumulatorResults();
    return new Counts(RunSummary.get(acc, "train.seed"), RunSummary.get(acc, "train.pattern"), RunSummary.get(acc, "train.negative"));
  }

  private static DataStream<String> union(DataStream<String> a, DataStream<String> b) {
    return a == null ? b : a.union(b);
  }

  /** A JSONL or Parquet corpus as training lines of {@code label}. */
  private static DataStream<String> corpus(StreamExecutionEnvironment env, Path file, String label, int maxChars, String kind) {
    String id = kind + "-" + Integer.toHexString(file.toString().hashCode());
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return env.fromSource(StoreSource.of(() -> SEED, SeedDoc.class, file.toString(), List.of("text", "url")), WatermarkStrategy.noWatermarks(),
              "read-" + id).uid("read-" + id)
          .flatMap(new SeedLines(label, maxChars, kind), Types.STRING).name(id).uid(id);
    }
    return env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new org.apache.flink.core.fs.Path(file.toUri())).build(),
            WatermarkStrategy.noWatermarks(), "read-" + id).uid("read-" + id)
        .flatMap(new JsonLines(label, maxChars, kind), Types.STRING).name(id).uid(id);
  }

  /** Base: a training line from a text, counted by kind. */
  abstract static class Examples<T> extends RichFlatMapFunction<T, String> {
    private final String label;
    private final int maxChars;
    private final String kind;
    private transient MathTextNormalizer normalizer;
    private transient StageCounters counters;

    Examples(String label, int maxChars, String kind) {
      this.label = label;
      this.maxChars = maxChars;
      this.kind = kind;
    }

    @Override
    public void open(OpenContext context) {
      normalizer = new MathTextNormalizer(maxChars);
      counters = new StageCounters(getRuntimeContext());
    }

    void emit(String text, Collector<String> out) {
      if (text == null) {
        return;
      }
      String line = normalizer.normalize(text);
      if (!line.isEmpty()) {
        counters.inc("train." + kind);
        out.collect(label + " " + line);
      }
    }
  }

  static final class Lines extends Examples<TextDocument> {
    Lines(String label, int maxChars, String kind) {
      super(label, maxChars, kind);
    }

    @Override
    public void flatMap(TextDocument d, Collector<String> out) {
      emit(d.text(), out);
    }
  }

  static final class SeedLines extends Examples<SeedDoc> {
    SeedLines(String label, int maxChars, String kind) {
      super(label, maxChars, kind);
    }

    @Override
    public void flatMap(SeedDoc d, Collector<String> out) {
      emit(d.text(), out);
    }
  }

  static final class JsonLines extends Examples<String> {
    private transient ObjectMapper json;

    JsonLines(String label, int maxChars, String kind) {
      super(label, maxChars, kind);
    }

    @Override
    public void flatMap(String line, Collector<String> out) throws Exception {
      if (line.isBlank()) {
        return;
      }
      if (json == null) {
        json = new ObjectMapper();
      }
      JsonNode n = json.readTree(line);
      JsonNode t = n.get("text");
      emit(t == null ? null : t.asText(), out);
    }
  }
}

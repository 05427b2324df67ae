package io.mathsieve.jobs.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.classifiers.iterate.Domains;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.MathLabels;
import io.mathsieve.classifiers.math.MathSignals;
import io.mathsieve.classifiers.math.MathTextNormalizer;
import io.mathsieve.extract.math.TexDelimiters;
import io.mathsieve.hash.Murmur3;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.EndOfKeyJoin;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.StoreSchema;
import io.mathsieve.schemas.store.Stores;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Builds one iteration's training set and trains the classifier on it, as a bounded job:
 * positives from the seed corpus (JSONL or Parquet with a {@code text} column) and from the pages of
 * accepted URL patterns; negatives from a given corpus, or sampled uniformly from the pages store
 * (a seeded hash of the doc id, so the same pages each run) excluding the seed's URLs and the
 * pattern positives. Every example is normalised once ({@link MathTextNormalizer#line}): pages of
 * the store bring the extractor's math signals, seed rows (text only) the TeX delimited in their
 * text, counted as the extractor counts it. A single {@link TrainSink} trains and validates
 * fastText where the job runs.
 */
public final class TrainJob {
  private TrainJob() {}

  /**
   * A seed document: text, a URL when the seed has one, and the extractor's math signals when the
   * seed carries them ({@code math_formulas}, {@code has_math_markup}, as in the pages store);
   * {@code formulas} is -1 when it does not.
   */
  public record SeedDoc(String text, String url, int formulas, boolean markup) implements Serializable {
    MathSignals signals() {
      return formulas < 0 ? signalsOfText(text) : new MathSignals(formulas, markup);
    }
  }

  /** The optional signal columns of a seed. */
  static final List<String> SIGNAL_COLUMNS = List.of("math_formulas", "has_math_markup");

  static final StoreSchema<SeedDoc> SEED =
      StoreSchema.<SeedDoc>builder("seed", 1, "A seed corpus: OpenWebMath-style rows with text and optional url and math signals.")
          .string("text", "Document text.", SeedDoc::text)
          .nullableString("url", "Document URL.", SeedDoc::url)
          .int32("math_formulas", "Formulas the extractor found (optional).", SeedDoc::formulas)
          .bool("has_math_markup", "Whether the page had math markup (optional).", SeedDoc::markup)
          .build(r -> new SeedDoc(r.string("text"), r.has("url") ? r.string("url") : null,
              r.has("math_formulas") ? r.int32("math_formulas") : -1, r.has("has_math_markup") && r.bool("has_math_markup")));

  /** What went into a training set. */
  public record Counts(long seedPositives, long patternPositives, long negatives, long negativesFromMathDomains) {}

  /**
   * @param seeds the seed corpora (positives)
   * @param patternPositives stores of pages that joined the seed through URL patterns
   * @param negatives explicit negative corpora, or empty to sample from {@code pages}
   * @param negativeRate share of pages sampled as negatives (when sampling)
   * @param mathDomains the previous iteration's math domains: sampled negatives from them are counted
   * @param grouping how pages group into domains
   */
  public static Counts run(List<Path> seeds, List<Path> patternPositives, List<Path> negatives, Path pages, double negativeRate, long sampleSeed,
      HashSet<String> mathDomains, Domains.Grouping grouping, ClassifierConfig config, Path modelPrefix, Jobs jobs) throws Exception {
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    DataStream<String> examples = null;
    DataStream<Long> known = null; // URL hashes of every positive: never sampled as negatives
    for (Path seed : seeds) {
      DataStream<SeedDoc> docs = seedDocs(env, seed, "seed");
      String id = "seed-" + Integer.toHexString(seed.toString().hashCode());
      examples = union(examples, docs.flatMap(new SeedLines(MathLabels.MATH, config, Count.TRAIN_SEED), Types.STRING).name(id).uid(id));
      known = union(known, docs.filter(d -> d.url() != null).name(id + "-with-url").uid(id + "-with-url")
          .map(d -> SeedFiles.urlHash(d.url()), Types.LONG).name(id + "-urls").uid(id + "-urls"));
    }
    for (Path p : patternPositives) {
      String id = "pattern-positives-" + p.getParent().getName();
      DataStream<TextDocument> docs = env.fromSource(StoreSource.of(() -> Stores.PAGES, TextDocument.class, p.toString(), null),
          WatermarkStrategy.noWatermarks(), "read-" + p.getParent().getName() + "-positives").uid("read-positives-" + p.getParent().getName());
      examples = union(examples, docs.flatMap(new Lines(MathLabels.MATH, config, Count.TRAIN_PATTERN), Types.STRING).name(id).uid(id));
      known = union(known, docs.map(d -> SeedFiles.urlHash(d.url()), Types.LONG).name(id + "-urls").uid(id + "-urls"));
    }
    if (!negatives.isEmpty()) {
      for (Path n : negatives) {
        String id = "negative-" + Integer.toHexString(n.toString().hashCode());
        examples = union(examples, seedDocs(env, n, "negative").flatMap(new SeedLines(MathLabels.OTHER, config, Count.TRAIN_NEGATIVE), Types.STRING)
            .name(id).uid(id));
      }
    } else {
      DataStream<TextDocument> sampled = env.fromSource(StoreSource.of(() -> Stores.PAGES, TextDocument.class, pages.toString(), null),
              WatermarkStrategy.noWatermarks(), "read-pages").uid("read-pages")
          .filter(d -> sampledAsNegative(d.docId(), negativeRate, sampleSeed)).name("sample-negatives").uid("sample-negatives");
      if (known != null) {
        sampled = sampled.keyBy(d -> SeedFiles.urlHash(d.url()), Types.LONG).connect(known.keyBy(h -> h, Types.LONG))
            .process(new UnlessKnown(), TypeInformation.of(TextDocument.class)).name("not-positives").uid("not-positives");
      }
      examples = union(examples, sampled.flatMap(new Lines(MathLabels.OTHER, config, Count.TRAIN_NEGATIVE, mathDomains, grouping), Types.STRING)
          .name("negatives").uid("negatives"));
    }
    examples.sinkTo(new TrainSink(modelPrefix.toString(), config)).setParallelism(1).name("train").uid("train");
    JobExecutionResult r = jobs.execute(env, "mathsieve iterate: train " + modelPrefix.getParent().getName());
    io.mathsieve.jobs.run.Counts counts = io.mathsieve.jobs.run.Counts.of(r);
    return new Counts(counts.get(Count.TRAIN_SEED), counts.get(Count.TRAIN_PATTERN), counts.get(Count.TRAIN_NEGATIVE),
        counts.get(Count.TRAIN_NEGATIVE_MATH_DOMAIN));
  }

  /**
   * Passes the sampled pages of a URL hash unless a positive (seed row or pattern positive) has
   * that hash: a join at the end of each key, so the positives' URLs live in keyed state, never
   * in the job graph or on the driver.
   */
  static final class UnlessKnown extends EndOfKeyJoin<Long, TextDocument, Long, TextDocument> {
    UnlessKnown() {
      super(TypeInformation.of(TextDocument.class), Types.LONG);
    }

    @Override
    protected void decide(Iterable<TextDocument> pages, Iterable<Long> known, OnTimerContext ctx, Collector<TextDocument> out) {
      if (!known.iterator().hasNext()) {
        pages.forEach(out::collect);
      }
    }
  }

  /** Whether the uniform negative sample at {@code rate} takes the page {@code docId} (a seeded hash, so the same pages each run). */
  public static boolean sampledAsNegative(String docId, double rate, long seed) {
    return (Murmur3.hash64(docId, seed) >>> 1) < (long) (Math.min(1.0, rate) * Long.MAX_VALUE);
  }

  private static <T> DataStream<T> union(DataStream<T> a, DataStream<T> b) {
    return a == null ? b : a.union(b);
  }

  /** The rows of a JSONL or Parquet corpus (seed or negatives), read once. */
  private static DataStream<SeedDoc> seedDocs(StreamExecutionEnvironment env, Path file, String kind) {
    String id = kind + "-" + Integer.toHexString(file.toString().hashCode());
    if (file.getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      List<String> columns = new java.util.ArrayList<>(List.of("text", "url"));
      columns.addAll(SeedFiles.columnsPresent(file, SIGNAL_COLUMNS));
      return env.fromSource(StoreSource.of(() -> SEED, SeedDoc.class, file.toString(), columns), WatermarkStrategy.noWatermarks(),
          "read-" + id).uid("read-" + id);
    }
    return env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), file).build(),
            WatermarkStrategy.noWatermarks(), "read-" + id).uid("read-" + id)
        .flatMap(new JsonSeedRows(), TypeInformation.of(SeedDoc.class)).name("parse-" + id).uid("parse-" + id);
  }

  /**
   * The math signals of a text that comes without the extractor's counts (a seed row): the TeX
   * delimited in it, which is where the extractor leaves every formula it converts.
   */
  public static MathSignals signalsOfText(String text) {
    return MathSignals.ofText(TexDelimiters.count(text));
  }

  /** Base: a training line from a text, counted by kind. */
  abstract static class Examples<T> extends RichFlatMapFunction<T, String> {
    private final String label;
    private final ClassifierConfig config;
    private final Count kind;
    private transient MathTextNormalizer normalizer;
    private transient StageCounters counters;

    Examples(String label, ClassifierConfig config, Count kind) {
      this.label = label;
      this.config = config;
      this.kind = kind;
    }

    @Override
    public void open(OpenContext context) {
      normalizer = new MathTextNormalizer(config.maxChars());
      counters = new StageCounters(getRuntimeContext());
    }

    boolean emit(String text, MathSignals signals, Collector<String> out) {
      if (text == null) {
        return false;
      }
      String line = MathTextNormalizer.input(normalizer, text, signals, config.signals());
      if (line.isEmpty()) {
        return false;
      }
      counters.inc(kind);
      out.collect(label + " " + line);
      return true;
    }

    void count(Count counter) {
      counters.inc(counter);
    }
  }

  /** The training line of a page of the store, as {@link Lines} writes it (without the label). */
  static String line(TextDocument d, ClassifierConfig config) {
    return MathTextNormalizer.input(new MathTextNormalizer(config.maxChars()), d.text(), MathSignals.of(d.formulas(), d.hasMathMarkup()),
        config.signals());
  }

  static final class Lines extends Examples<TextDocument> {
    private final HashSet<String> mathDomains;
    private final Domains.Grouping grouping;

    Lines(String label, ClassifierConfig config, Count kind) {
      this(label, config, kind, new HashSet<>(), Domains.Grouping.HOST);
    }

    Lines(String label, ClassifierConfig config, Count kind, HashSet<String> mathDomains, Domains.Grouping grouping) {
      super(label, config, kind);
      this.mathDomains = mathDomains;
      this.grouping = grouping;
    }

    @Override
    public void flatMap(TextDocument d, Collector<String> out) {
      if (emit(d.text(), MathSignals.of(d.formulas(), d.hasMathMarkup()), out) && !mathDomains.isEmpty()
          && mathDomains.contains(Domains.of(d.domain(), grouping))) {
        count(Count.TRAIN_NEGATIVE_MATH_DOMAIN);
      }
    }
  }

  static final class SeedLines extends Examples<SeedDoc> {
    SeedLines(String label, ClassifierConfig config, Count kind) {
      super(label, config, kind);
    }

    @Override
    public void flatMap(SeedDoc d, Collector<String> out) {
      emit(d.text(), d.text() == null ? MathSignals.NONE : d.signals(), out);
    }
  }

  /** A JSONL row as a seed document; {@link SeedFiles#inspect} has checked every line before the job runs. */
  static final class JsonSeedRows extends RichFlatMapFunction<String, SeedDoc> {
    private transient ObjectMapper json;

    @Override
    public void flatMap(String line, Collector<SeedDoc> out) throws Exception {
      if (line.isBlank()) {
        return;
      }
      if (json == null) {
        json = new ObjectMapper();
      }
      JsonNode n = json.readTree(line);
      JsonNode t = n.get("text");
      JsonNode u = n.get("url");
      JsonNode f = n.get("math_formulas");
      JsonNode m = n.get("has_math_markup");
      out.collect(new SeedDoc(t == null ? null : t.asText(), u == null || u.isNull() ? null : u.asText(),
          f != null && f.canConvertToInt() ? f.asInt() : -1, m != null && m.asBoolean()));
    }
  }
}

package io.mathsieve.jobs.extract;

import io.mathsieve.dedup.DedupReason;
import io.mathsieve.extract.ExtractorVersion;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.dedup.DedupCandidate;
import io.mathsieve.jobs.dedup.DedupKeys;
import io.mathsieve.jobs.dedup.KeepLatestFunction;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.CountEach;
import io.mathsieve.jobs.run.Counts;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.source.WarcSource;
import io.mathsieve.jobs.source.WarcSplit;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The {@code extract} job: WARC files in, the pages, rejections and files stores out.
 *
 * <pre>
 *   WarcSource ──► extract ──► cap text, dedup keys ──► URL dedup ──► exact dedup ──► DIR/pages/*.parquet
 *                     ├──────► rejections (+ dedup/url, dedup/exact) ─────────────► DIR/rejections/*.parquet
 *                     └──────► file stats ────────────────────────────────────────► DIR/files/*.parquet
 * </pre>
 *
 * <p>{@link #topology} takes and returns streams, so tests and larger jobs ({@code build}) can feed
 * it their own source and add their own stages; {@link #run} wires source and sinks and executes
 * it as a bounded (batch-mode) job on whatever environment is current: a local MiniCluster, or the
 * cluster under {@code flink run}.
 */
public final class ExtractJob {
  /** The entries this job writes under its output directory. */
  public static final List<String> OUTPUTS = List.of("pages", "rejections", "files", "run.json");

  private ExtractJob() {}

  /** What the extract topology produces. */
  public record Streams(DataStream<TextDocument> pages, DataStream<Rejection> rejections, DataStream<WarcFileStats> files) {}

  /** The source of WARC items over {@code splits}. */
  public static DataStream<WarcItem> source(StreamExecutionEnvironment env, List<WarcSplit> splits, MathsieveConfig config) {
    return env.fromSource(new WarcSource(splits, config.warc()), WatermarkStrategy.noWatermarks(), "warc-source",
            TypeInformation.of(WarcItem.class))
        .uid("warc-source");
  }

  /**
   * Extraction and dedup: items to text documents (text capped for the pages store), one per
   * canonical URL and one per text when URL and exact dedup are on; rejections from every step and
   * file statistics on the side.
   */
  public static Streams topology(DataStream<WarcItem> items, MathsieveConfig config) {
    SingleOutputStreamOperator<TextDocument> docs =
        items.process(new ExtractFunction(config.extract()), TypeInformation.of(TextDocument.class)).name("extract").uid("extract");
    DataStream<Rejection> rejections = docs.getSideOutput(ExtractFunction.REJECTIONS);
    DataStream<DedupCandidate> candidates =
        docs.map(new DedupKeys(config.dedup(), config.pages().textCapChars()), TypeInformation.of(DedupCandidate.class))
            .name("dedup-keys").uid("dedup-keys");
    if (config.dedup().url()) {
      SingleOutputStreamOperator<DedupCandidate> byUrl =
          candidates.keyBy(DedupCandidate::canonicalUrl, Types.STRING).process(new KeepLatestFunction(DedupReason.URL), TypeInformation.of(DedupCandidate.class))
              .name("dedup-url").uid("dedup-url");
      rejections = rejections.union(byUrl.getSideOutput(KeepLatestFunction.REJECTIONS));
      candidates = byUrl;
    }
    if (config.dedup().exact()) {
      SingleOutputStreamOperator<DedupCandidate> byText =
          candidates.keyBy(DedupCandidate::contentHash, Types.STRING).process(new KeepLatestFunction(DedupReason.EXACT), TypeInformation.of(DedupCandidate.class))
              .name("dedup-exact").uid("dedup-exact");
      rejections = rejections.union(byText.getSideOutput(KeepLatestFunction.REJECTIONS));
      candidates = byText;
    }
    DataStream<TextDocument> pages = candidates.map(DedupCandidate::doc, TypeInformation.of(TextDocument.class)).name("pages").uid("pages")
        .filter(new CountEach<>(Count.PAGES_WRITTEN)).name("count pages").uid("count-pages");
    return new Streams(pages, rejections, docs.getSideOutput(ExtractFunction.FILES));
  }

  /** Writes the three stores under {@code outDir}. */
  public static void sinks(Streams s, String outDir, MathsieveConfig config) {
    Map<String, String> meta = Map.of("mathsieve.config_fingerprint", config.extractFingerprint(),
        "mathsieve.extractor_version", ExtractorVersion.CURRENT);
    StoreSinks.write(s.pages(), () -> Stores.PAGES, outDir + "/pages", meta);
    StoreSinks.write(s.rejections(), () -> Stores.REJECTIONS, outDir + "/rejections", meta);
    StoreSinks.write(s.files(), () -> Stores.FILES, outDir + "/files", meta);
  }

  /** Runs the job and writes {@code run.json}. Returns the summary. */
  public static ExtractSummary run(List<WarcSplit> splits, Path outDir, MathsieveConfig config, Jobs jobs, boolean overwrite)
      throws Exception {
    return run(splits, FlinkFiles.of(outDir), config, jobs, overwrite);
  }

  /** {@link #run(List, Path, MathsieveConfig, Jobs, boolean)} into a directory on any Flink file system. */
  public static ExtractSummary run(List<WarcSplit> splits, org.apache.flink.core.fs.Path outDir, MathsieveConfig config, Jobs jobs,
      boolean overwrite) throws Exception {
    OutputDirectory.prepare(outDir, overwrite, OUTPUTS);
    Instant started = Instant.now();
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    Streams streams = topology(source(env, splits, config), config);
    sinks(streams, outDir.toString(), config);
    JobExecutionResult result = jobs.execute(env, "mathsieve extract", splits.size());
    ExtractSummary summary = summarize(Counts.of(result), splits, FlinkFiles.shown(outDir), config, started);
    if (!summary.accounting().balanced()) {
      summary = summary.withUnbalancedFiles(unbalancedFiles(outDir));
    }
    summary.write(new org.apache.flink.core.fs.Path(outDir, "run.json"));
    return summary;
  }

  /**
   * Where an unbalanced run lost or gained rows: per WARC file, response records and unreadable
   * regions (the files store) against pages and rejections naming that file. Read from the stores
   * only when the totals disagree; holds one count per file.
   */
  static List<ExtractSummary.UnbalancedFile> unbalancedFiles(org.apache.flink.core.fs.Path outDir) throws java.io.IOException {
    Map<String, Long> expected = new TreeMap<>();
    org.apache.flink.core.fs.Path filesStore = new org.apache.flink.core.fs.Path(outDir, "files");
    for (WarcFileStats f : StoreReader.readAll(Stores.FILES, filesStore)) {
      expected.merge(f.file(), f.response() + f.corrupt(), Long::sum);
    }
    Map<String, Long> actual = new TreeMap<>();
    StoreReader.forEachValue(new org.apache.flink.core.fs.Path(outDir, "pages"), "warc_file", f -> actual.merge(f, 1L, Long::sum));
    Map<String, Long> unreadable = new TreeMap<>();
    StoreReader.forEach(Stores.REJECTIONS, new org.apache.flink.core.fs.Path(outDir, "rejections"), r -> {
      actual.merge(r.warcFile(), 1L, Long::sum);
      if (r.reason().equals(WarcReason.UNREADABLE_FILE.code())) {
        unreadable.merge(r.warcFile(), 1L, Long::sum);
      }
    });
    unreadable.forEach((f, n) -> expected.merge(f, n, Long::sum));
    List<ExtractSummary.UnbalancedFile> files = new ArrayList<>();
    Set<String> all = new TreeSet<>(expected.keySet());
    all.addAll(actual.keySet());
    for (String f : all) {
      long e = expected.getOrDefault(f, 0L);
      long a = actual.getOrDefault(f, 0L);
      if (e != a) {
        files.add(new ExtractSummary.UnbalancedFile(f, e, a));
      }
    }
    return files;
  }

  static ExtractSummary summarize(Counts counts, List<WarcSplit> splits, String outDir, MathsieveConfig config, Instant started) {
    Map<String, Long> records = new LinkedHashMap<>();
    Count.WARC_RECORDS.forEach(c -> records.put(c.member(), counts.get(c)));
    Map<String, Long> formulas = new LinkedHashMap<>();
    Count.FORMULAS.forEach(c -> formulas.put(c.member(), counts.get(c)));
    Map<String, Long> languages = new LinkedHashMap<>();
    counts.languages().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> languages.put(e.getKey(), e.getValue()));
    Map<String, Long> rejections = new TreeMap<>(counts.dropped());
    long pages = counts.get(Count.PAGES_WRITTEN);
    long rejected = rejections.values().stream().mapToLong(Long::longValue).sum();
    long expected = counts.get(Count.WARC_RECORDS_RESPONSE) + counts.get(Count.WARC_RECORDS_CORRUPT) + counts.dropped(WarcReason.UNREADABLE_FILE);
    return new ExtractSummary("extract", ExtractorVersion.CURRENT, outDir, started.toString(), Duration.between(started, Instant.now()).toMillis() / 1000.0,
        splits.size(), records, pages, formulas, counts.get(Count.PAGES_WITH_MATH_MARKUP), languages, rejections,
        new ExtractSummary.Accounting(expected, pages + rejected, expected == pages + rejected, List.of()), config.values(), config.extractFingerprint());
  }
}

package io.mathsieve.jobs.decontam;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.benchmarks.BenchmarkLoader;
import io.mathsieve.decontam.index.BenchmarkIndex;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.Counts;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.store.DocAdapter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.jobs.store.StoreRef;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.StoredDocument;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Benchmark decontamination of a store as a bounded Flink job: kept rows, {@code decontam/*}
 * rejections, the {@code decontam_matches} audit, and {@code decontam-report.json} (per benchmark:
 * items indexed, items found, documents removed).
 */
public final class DecontamJob {
  private DecontamJob() {}

  /** Builds an index from benchmark files and writes it to {@code output}. */
  public static BenchmarkIndex buildIndex(List<Path> benchmarks, List<String> fields, DecontamConfig config, Path output) throws IOException {
    return buildIndex(benchmarks, fields, false, config, output).index();
  }

  /** An index built, the loader's report of every file, and the seconds it took. */
  public record IndexBuild(BenchmarkIndex index, BenchmarkLoader.Loaded loaded, double seconds) {}

  /** Builds an index from benchmark files and writes it to {@code output}; {@code strict} makes unknown layouts and skipped files errors. */
  public static IndexBuild buildIndex(List<Path> benchmarks, List<String> fields, boolean strict, DecontamConfig config, Path output)
      throws IOException {
    return buildIndex(benchmarks, fields, strict, config, FlinkFiles.of(output));
  }

  /** {@link #buildIndex(List, List, boolean, DecontamConfig, Path)} onto any Flink file system. */
  public static IndexBuild buildIndex(List<Path> benchmarks, List<String> fields, boolean strict, DecontamConfig config,
      org.apache.flink.core.fs.Path output) throws IOException {
    long t0 = System.nanoTime();
    BenchmarkLoader.Loaded loaded = BenchmarkLoader.loadAll(benchmarks, fields, new ParquetRows(), strict);
    BenchmarkIndex index = BenchmarkIndex.build(loaded.items(), config, loaded.fieldsByBenchmark());
    FlinkFiles.writeAtomically(output, index::write);
    return new IndexBuild(index, loaded, (System.nanoTime() - t0) / 1e9);
  }

  /** What the index covers, for the terminal: every file read or skipped, then every benchmark with its items, fields and n-grams. */
  public static String summary(IndexBuild b, Path output) {
    StringBuilder t = new StringBuilder();
    for (BenchmarkLoader.FileReport f : b.loaded().files()) {
      if (f.skipped() != null) {
        t.append(String.format(Locale.ROOT, "skipped %s: %s%n", f.file(), f.skipped()));
      } else if (f.emptyRecords() > 0) {
        t.append(String.format(Locale.ROOT, "%s: %d records without text skipped%n", f.file(), f.emptyRecords()));
      }
    }
    t.append(String.format(Locale.ROOT, "%-36s %7s %7s %7s %9s %10s  %s%n", "benchmark", "items", "long", "short", "unindexed", "n-grams", "fields"));
    for (BenchmarkIndex.BenchmarkInfo i : b.index().benchmarks()) {
      t.append(String.format(Locale.ROOT, "%-36s %7d %7d %7d %9d %,10d  %s%n", i.name(), i.items(), i.longItems(), i.shortItems(), i.skippedItems(),
          i.ngrams(), i.fields()));
    }
    BenchmarkIndex.Ignored ig = b.index().ignored();
    long files = b.loaded().files().stream().filter(f -> f.skipped() == null).count();
    t.append(String.format(Locale.ROOT, "index: %s (%,d %d-grams, %,d items from %d files, %.1f s); not indexed: %,d n-gram windows without a word,"
        + " %,d n-grams shared by more than %d items%n", output, b.index().ngramCount(), b.index().ngram(), b.loaded().items().size(), files,
        b.seconds(), ig.nonWordNgrams(), ig.sharedNgrams(), ig.maxItems()));
    return t.toString();
  }

  /** The decontamination stage on a stream: the topology {@code build} and {@code incremental} reuse. */
  public static <T extends StoredDocument> SingleOutputStreamOperator<T> topology(DataStream<T> rows, String index, DecontamConfig config, DocAdapter<T> adapter,
      TypeInformation<T> type) {
    return rows.process(new DecontamFunction<>(index, config.mode(), adapter), type).name("decontam").uid("decontam");
  }

  public static <T extends StoredDocument> DecontamReport run(StoreRef<T> store, Class<T> type, DocAdapter<T> adapter, Path input, Path output, Path index,
      DecontamConfig config, Jobs jobs, boolean overwrite) throws Exception {
    return run(store, type, adapter, FlinkFiles.of(input), FlinkFiles.of(output), FlinkFiles.of(index), config, jobs, overwrite);
  }

  /** Decontaminates the store at {@code input} into {@code output} against {@code index}, on any Flink file system. */
  public static <T extends StoredDocument> DecontamReport run(StoreRef<T> store, Class<T> type, DocAdapter<T> adapter, org.apache.flink.core.fs.Path input,
      org.apache.flink.core.fs.Path output, org.apache.flink.core.fs.Path index, DecontamConfig config, Jobs jobs, boolean overwrite)
      throws Exception {
    String storeName = store.get().name();
    OutputDirectory.prepare(output, overwrite, List.of(storeName, "rejections", "decontam_matches", "decontam-report.json"));
    Instant started = Instant.now();
    BenchmarkIndex loaded = IndexCache.get(index.toString());
    if (loaded.ngram() != config.ngram()) {
      throw new io.mathsieve.jobs.run.UserError("index " + FlinkFiles.shown(index) + " was built with n = " + loaded.ngram()
          + ", but decontam.ngram = " + config.ngram() + "; rebuild the index or drop --ngram");
    }
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    TypeInformation<T> typeInfo = TypeInformation.of(type);
    DataStream<T> rows = env.fromSource(StoreSource.of(store, type, input.toString(), null), WatermarkStrategy.noWatermarks(), "read-" + storeName)
        .uid("read-" + storeName);
    SingleOutputStreamOperator<T> kept = topology(rows, index.toString(), config, adapter, typeInfo);
    StoreSinks.write(kept, store, new org.apache.flink.core.fs.Path(output, storeName).toString(),
        Map.of("mathsieve.config_fingerprint", config.fingerprint()));
    StoreSinks.write(kept.getSideOutput(DecontamFunction.REJECTIONS), () -> Stores.REJECTIONS,
        new org.apache.flink.core.fs.Path(output, "rejections").toString(), Map.of());
    StoreSinks.write(kept.getSideOutput(DecontamFunction.MATCHES), () -> Stores.DECONTAM_MATCHES,
        new org.apache.flink.core.fs.Path(output, "decontam_matches").toString(), Map.of());
    JobExecutionResult result = jobs.execute(env, "mathsieve decontam");
    Counts counts = Counts.of(result);
    long total = counts.get(Count.DECONTAM_TOTAL);
    long forwarded = counts.get(Count.DECONTAM_FORWARDED);
    DecontamReport report = new DecontamReport("decontam", loaded.ngram(), loaded.ignored().nonWordNgrams(), loaded.ignored().sharedNgrams(),
        loaded.ignored().maxItems(), config.mode().name().toLowerCase(Locale.ROOT),
        benchmarks(loaded, new org.apache.flink.core.fs.Path(output, "decontam_matches")), FlinkFiles.shown(index), FlinkFiles.shown(input),
        FlinkFiles.shown(output), started.toString(), Duration.between(started, Instant.now()).toMillis() / 1000.0, total, forwarded,
        total - forwarded, new TreeMap<>(counts.dropped()));
    report.write(new org.apache.flink.core.fs.Path(output, "decontam-report.json"));
    return report;
  }

  /**
   * Per benchmark: items indexed, items found in documents, documents removed. The matches store is
   * streamed: what is held grows with the benchmarks' items, not with the matched documents.
   */
  static List<DecontamReport.Benchmark> benchmarks(BenchmarkIndex index, org.apache.flink.core.fs.Path matches) throws java.io.IOException {
    Map<String, Set<String>> found = new HashMap<>();
    Map<String, Long> matched = new HashMap<>();
    Map<String, Long> removed = new HashMap<>();
    StoreReader.forEach(Stores.DECONTAM_MATCHES, matches, m -> {
      found.computeIfAbsent(m.benchmark(), k -> new HashSet<>()).add(m.itemId());
      matched.merge(m.benchmark(), 1L, Long::sum);
      if (m.action().equals("dropped")) {
        removed.merge(m.benchmark(), 1L, Long::sum);
      }
    });
    List<DecontamReport.Benchmark> out = new ArrayList<>();
    for (BenchmarkIndex.BenchmarkInfo b : index.benchmarks()) {
      out.add(new DecontamReport.Benchmark(b.name(), b.fields(), b.ngrams(), b.items() - b.skippedItems(), b.skippedItems(),
          found.getOrDefault(b.name(), Set.of()).size(), matched.getOrDefault(b.name(), 0L), removed.getOrDefault(b.name(), 0L)));
    }
    return out;
  }

  /** The report as a table for the terminal. */
  public static String table(DecontamReport report) {
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%-20s %14s %12s %18s%n", "benchmark", "items indexed", "items found", "documents removed"));
    report.benchmarks().forEach(b -> t.append(String.format(Locale.ROOT, "%-20s %14d %12d %18d%n", b.benchmark(), b.itemsIndexed(), b.itemsFound(),
        b.documentsRemoved())));
    return t.toString();
  }
}

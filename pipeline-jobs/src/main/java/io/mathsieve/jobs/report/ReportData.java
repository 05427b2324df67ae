package io.mathsieve.jobs.report;

import io.mathsieve.jobs.build.BuildSummary;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.docs.DropReasons;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.store.FlinkInputFile;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.store.StoreRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Everything the report shows, gathered from a build directory: {@code run.json} (funnel, stage
 * summaries), {@code manifest.json}, and bounded scans of the stores for examples, the corpus's
 * domains and languages, and sample documents. Scans stop after {@link #SCAN_ROWS} rows per store,
 * so the report stays quick on a crawl-sized build (and says when it sampled).
 */
record ReportData(
    BuildSummary run, Manifest manifest, List<Reason> reasons, List<Tally> corpusDomains, List<Tally> corpusLanguages, long corpusRowsScanned,
    boolean corpusSampled, List<Sample> samples) {

  static final int SCAN_ROWS = 2_000_000;
  static final int EXAMPLES_PER_REASON = 3;
  static final int SAMPLES = 6;
  static final int EXCERPT_CHARS = 600;

  /** A rejection reason with its count and a few examples. */
  record Reason(String key, String description, long count, List<Example> examples) {}

  /** One rejected document: where it came from, why, and the start of its text when known. */
  record Example(String docId, String url, String detail, String excerpt) {}

  /** A count of documents and tokens under a name (domain, language). */
  record Tally(String name, long docs, long tokens) {}

  /** A kept document. */
  record Sample(String url, String domain, String lang, double score, long tokens, int clusterSize, int iteration, String text) {}

  static ReportData load(Path dir) throws IOException {
    Path runFile = new Path(dir, "run.json");
    if (!FlinkFiles.isFile(runFile)) {
      throw new UserError(FlinkFiles.shown(dir) + " holds no finished build (no run.json); run build first");
    }
    BuildSummary run;
    try {
      run = JobSummary.read(FlinkFiles.readJson(runFile), BuildSummary.class, FlinkFiles.shown(runFile));
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage() + "; run build again to rewrite it", e);
    }
    // The stages the report renders, read here so that one that does not read is a one-line error too.
    try {
      run.extractStage();
      run.iterateStage();
      run.decontamStage();
    } catch (IllegalStateException e) {
      throw new UserError(FlinkFiles.shown(runFile) + ": " + e.getMessage() + "; run build again to rewrite it", e);
    }
    Path manifestFile = new Path(dir, "manifest.json");
    if (!FlinkFiles.isFile(manifestFile)) {
      throw new UserError(FlinkFiles.shown(dir) + " holds a run.json but no manifest.json; run build again to rewrite it");
    }
    Manifest manifest;
    try {
      manifest = Manifest.read(manifestFile);
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage() + "; run build again to rewrite it", e);
    }
    List<Reason> reasons = reasons(dir, run);
    Map<String, long[]> domains = new HashMap<>();
    Map<String, long[]> languages = new HashMap<>();
    long scanned = 0;
    boolean sampled = false;
    List<Sample> samples = new ArrayList<>();
    outer:
    for (Path f : StoreReader.files(new Path(dir, "corpus"))) {
      try (ParquetReader<StoreRow> r = StoreReader.open(new FlinkInputFile(f), null)) {
        for (StoreRow row; (row = r.read()) != null; ) {
          if (scanned == SCAN_ROWS) {
            sampled = true;
            break outer;
          }
          scanned++;
          long tokens = row.int64("token_count");
          add(domains, row.string("domain"), tokens);
          add(languages, row.string("lang"), tokens);
          if (samples.size() < SAMPLES) {
            samples.add(new Sample(row.string("url"), row.string("domain"), row.string("lang"), row.float64("math_score"), tokens,
                row.int32("cluster_size"), row.int32("iteration"), excerpt(row.string("text"), 2400)));
          }
        }
      }
    }
    return new ReportData(run, manifest, reasons, top(domains, 25), top(languages, 20), scanned, sampled, samples);
  }

  private static List<Reason> reasons(Path dir, BuildSummary run) throws IOException {
    Map<String, String> descriptions = new HashMap<>();
    for (DropReason r : DropReasons.all()) {
      descriptions.put(r.key(), r.description());
    }
    // Examples: the smallest doc ids per reason among the scanned rejections (stable across runs).
    Map<String, TreeMap<String, Example>> examples = new HashMap<>();
    Path rejections = new Path(dir, "rejections");
    if (FlinkFiles.isDirectory(rejections)) {
      long scanned = 0;
      for (Path f : StoreReader.files(rejections)) {
        try (ParquetReader<StoreRow> r = StoreReader.open(new FlinkInputFile(f), null)) {
          for (StoreRow row; (row = r.read()) != null && scanned < SCAN_ROWS; scanned++) {
            TreeMap<String, Example> m = examples.computeIfAbsent(row.string("stage") + "/" + row.string("reason"), k -> new TreeMap<>());
            String id = row.string("doc_id");
            if (m.size() < EXAMPLES_PER_REASON || id.compareTo(m.lastKey()) < 0) {
              m.put(id, new Example(id, row.string("url"), row.string("detail"), ""));
              if (m.size() > EXAMPLES_PER_REASON) {
                m.pollLastEntry();
              }
            }
          }
        }
      }
    }
    Map<String, String> excerpts = excerpts(dir, examples);
    List<Reason> out = new ArrayList<>();
    run.rejections().forEach((key, count) -> {
      List<Example> ex = new ArrayList<>();
      for (Example x : examples.getOrDefault(key, new TreeMap<>()).values()) {
        ex.add(new Example(x.docId(), x.url(), x.detail(), excerpts.getOrDefault(x.docId(), "")));
      }
      out.add(new Reason(key, descriptions.getOrDefault(key, ""), count, ex));
    });
    out.sort(Comparator.comparingLong(Reason::count).reversed().thenComparing(Reason::key));
    return out;
  }

  /** The start of the text of the example documents that reached the pages store. */
  private static Map<String, String> excerpts(Path dir, Map<String, TreeMap<String, Example>> examples) throws IOException {
    Set<String> wanted = new HashSet<>();
    examples.values().forEach(m -> wanted.addAll(m.keySet()));
    Map<String, String> out = new HashMap<>();
    long scanned = 0;
    for (Path f : StoreReader.files(new Path(dir, "stages/extract/pages"))) {
      try (ParquetReader<StoreRow> r = StoreReader.open(new FlinkInputFile(f), List.of("doc_id", "text"))) {
        for (StoreRow row; (row = r.read()) != null && scanned < SCAN_ROWS && out.size() < wanted.size(); scanned++) {
          String id = row.string("doc_id");
          if (wanted.contains(id)) {
            out.put(id, excerpt(row.string("text"), EXCERPT_CHARS));
          }
        }
      }
    }
    return out;
  }

  static String excerpt(String text, int chars) {
    String t = text.strip();
    return t.length() <= chars ? t : t.substring(0, chars) + " …";
  }

  private static void add(Map<String, long[]> m, String key, long tokens) {
    long[] v = m.computeIfAbsent(key, k -> new long[2]);
    v[0]++;
    v[1] += tokens;
  }

  private static List<Tally> top(Map<String, long[]> m, int n) {
    return m.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparingLong(Tally::tokens).reversed().thenComparing(Tally::name)).limit(n).toList();
  }
}

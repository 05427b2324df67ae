package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.bench.eval.LabelledPages;
import io.mathsieve.bench.eval.PlantedPages;
import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.benchmarks.BenchmarkFileException;
import io.mathsieve.extract.PageExtractor;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcInput;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.store.PagesAdapter;
import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.DecontamMatch;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcItem;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve eval decontam}: benchmark items planted in real pages must go, the same pages left clean must stay. */
@Command(
    name = "decontam",
    mixinStandardHelpOptions = true,
    description = {
      "Plants items of every benchmark into real non-math pages (as a paragraph, re-wrapped into short lines, as a list, as a",
      "table row), then runs the decontam job over those pages and the same pages left clean, with an index built from the",
      "benchmark files. Prints planted items removed and clean pages kept, per benchmark and per shape; writes",
      "OUTPUT/eval-decontam.json and OUTPUT/failures.tsv. With --check, exits 1 below the floors.",
      "",
      "  mathsieve eval decontam --realdata ../shared/realdata --check"
    })
public final class EvalDecontamCommand implements Callable<Integer> {
  /** Pages labelled nonmath are the clean pages. */
  @Mixin RealPagesOptions pages;

  @Option(names = "--benchmarks", arity = "1..*", paramLabel = "PATH", description = "Benchmark files or directories (default: REALDATA/benchmarks).")
  List<Path> benchmarks = new ArrayList<>();

  @Option(names = "--per-benchmark", paramLabel = "N", description = "Items planted from each benchmark (default ${DEFAULT-VALUE}).")
  int perBenchmark = 4;

  @Mixin EvalResults results;

  @Option(names = "--min-removed", paramLabel = "R", description = "Floor: share of planted items removed (default ${DEFAULT-VALUE}).")
  double minRemoved = 1.0;

  @Option(names = "--min-kept", paramLabel = "R", description = "Floor: share of clean pages kept (default ${DEFAULT-VALUE}).")
  double minKept = 1.0;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Path labelsTsv = pages.labels("eval decontam");
    List<String> in = pages.inputs("eval decontam");
    List<Path> bench = benchmarks.isEmpty() && pages.inRealdata("benchmarks") != null ? List.of(pages.inRealdata("benchmarks")) : benchmarks;
    if (bench.isEmpty()) {
      throw new UserError("eval decontam needs --benchmarks PATH... or --realdata DIR");
    }
    if (perBenchmark < 1) {
      throw new UserError("--per-benchmark must be at least 1");
    }
    LabelledPages set;
    try {
      set = LabelledPages.load(labelsTsv, Optional.empty(), Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Path output = results.dir();
    var config = common.config();

    // The clean pages: every real page labelled nonmath, as the extractor gives it.
    List<TextDocument> clean = new ArrayList<>();
    PageExtractor extractor = new PageExtractor(config.extract());
    for (var split : InputResolver.resolve(in)) {
      try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(Path.of(split.location())), WarcConfig.defaults())) {
        for (WarcItem item; (item = r.next()) != null; ) {
          if (item.isPage() && set.label(item.page().url()).map(l -> !l.math()).orElse(false)
              && extractor.extract(item.page()) instanceof FilterResult.Keep<TextDocument> k) {
            clean.add(k.value());
          }
        }
      }
    }
    if (clean.isEmpty()) {
      throw new UserError("no non-math pages found in " + in + " (labels " + labelsTsv + ")");
    }

    DecontamConfig decontam = config.decontam();
    Path index = output.resolve("benchmarks.idx");
    DecontamJob.IndexBuild built;
    try {
      built = DecontamJob.buildIndex(bench, List.of(), false, decontam, index);
    } catch (BenchmarkFileException e) {
      throw new UserError(e.getMessage(), e);
    }
    if (!common.quiet) {
      System.out.print(DecontamJob.summary(built, index));
    }
    PlantedPages.Set planted = PlantedPages.plant(built.loaded().items(), clean, perBenchmark);

    Path pages = output.resolve("work/pages");
    if (Files.isDirectory(pages)) {
      try (var files = Files.list(pages)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
    }
    Files.createDirectories(pages);
    try (ParquetWriter<TextDocument> w = StoreParquetWriter.open(Stores.PAGES, new LocalOutputFile(pages.resolve("part-0.parquet")), Map.of())) {
      for (TextDocument d : clean) {
        w.write(d);
      }
      for (PlantedPages.Planted p : planted.planted()) {
        w.write(p.doc());
      }
    }
    Path run = output.resolve("decontam");
    DecontamJob.run(() -> Stores.PAGES, TextDocument.class, new PagesAdapter(), pages, run, index, decontam, common.jobs(), true);
    Set<String> removed = new HashSet<>();
    for (Rejection r : StoreReader.readAll(Stores.REJECTIONS, FlinkFiles.of(run.resolve("rejections")))) {
      removed.add(r.url());
    }
    Map<String, DecontamMatch> matches = new HashMap<>();
    for (DecontamMatch m : StoreReader.readAll(Stores.DECONTAM_MATCHES, FlinkFiles.of(run.resolve("decontam_matches")))) {
      matches.put(m.url(), m);
    }

    Map<String, int[]> byBenchmark = new TreeMap<>();
    Map<String, int[]> byShape = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int plantedRemoved = 0;
    for (PlantedPages.Planted p : planted.planted()) {
      boolean gone = removed.contains(p.doc().url());
      plantedRemoved += gone ? 1 : 0;
      count(byBenchmark, p.benchmark(), gone);
      count(byShape, p.shape().name().toLowerCase(Locale.ROOT), gone);
      if (!gone) {
        failures.add(p.doc().url() + "\tplanted_kept\t" + p.benchmark() + " " + p.itemId() + " as " + p.shape().name().toLowerCase(Locale.ROOT));
      }
    }
    int cleanKept = 0;
    for (TextDocument d : clean) {
      if (removed.contains(d.url())) {
        DecontamMatch m = matches.get(d.url());
        failures.add(d.url() + "\tclean_removed\t" + (m == null ? "" : m.benchmark() + " " + m.itemId() + ": " + m.matchedText()));
      } else {
        cleanKept++;
      }
    }
    double removedShare = plantedRemoved / (double) planted.planted().size();
    double keptShare = cleanKept / (double) clean.size();
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "planted items removed: %d of %d (%.2f%%)%s%n", plantedRemoved, planted.planted().size(), 100 * removedShare,
        results.floor("planted items removed", removedShare >= minRemoved, ">= " + minRemoved)));
    s.append(String.format(Locale.ROOT, "clean pages kept:      %d of %d (%.2f%%)%s%n", cleanKept, clean.size(), 100 * keptShare,
        results.floor("clean pages kept", keptShare >= minKept, ">= " + minKept)));
    byShape.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  as %-10s %d of %d removed%n", k, v[1], v[0])));
    byBenchmark.forEach((k, v) -> {
      if (v[1] < v[0]) {
        s.append(String.format(Locale.ROOT, "  %s: %d of %d removed%n", k, v[1], v[0]));
      }
    });
    System.out.print(s);
    Files.write(output.resolve("failures.tsv"), failures);
    ObjectNode json = RunSummary.json().createObjectNode();
    json.put("planted", planted.planted().size()).put("planted_removed", plantedRemoved).put("clean", clean.size()).put("clean_kept", cleanKept);
    json.put("index_ngrams", built.index().ngramCount()).put("index_items", built.loaded().items().size()).put("index_seconds", built.seconds())
        .put("index_bytes", Files.size(index));
    ArrayNode b = json.putArray("benchmarks");
    byBenchmark.forEach((k, v) -> b.addObject().put("benchmark", k).put("planted", v[0]).put("removed", v[1]));
    ObjectNode shapes = json.putObject("shapes");
    byShape.forEach((k, v) -> shapes.putObject(k).put("planted", v[0]).put("removed", v[1]));
    System.out.println("failures: " + output.resolve("failures.tsv"));
    System.out.println("results:  " + results.write(json));
    return results.exitCode();
  }

  private static void count(Map<String, int[]> m, String key, boolean removed) {
    int[] c = m.computeIfAbsent(key, k -> new int[2]);
    c[0]++;
    c[1] += removed ? 1 : 0;
  }
}

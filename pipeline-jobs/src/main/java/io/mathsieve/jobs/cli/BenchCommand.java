package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.bench.Measurement;
import io.mathsieve.bench.StageBench;
import io.mathsieve.classifiers.iterate.Domains;
import io.mathsieve.classifiers.iterate.TokenCounter;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.classify.ScoreJob;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.Progress;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.SharedMiniCluster;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.source.WarcSplit;
import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.samples.BenchCorpus;
import io.mathsieve.samples.SampleGenerator;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mathsieve bench}: every stage's throughput against the gunzip floor, and the whole job on a MiniCluster. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
      "Measures each per-page stage alone (CPU time of one core: gunzip floor, WARC parse, prefilter, charset + Jsoup, extraction,",
      "fastText, MinHash, decontamination lookup, Parquet write) and the end-to-end job (extract + URL/exact dedup + score) on a local",
      "MiniCluster at parallelism 1 and 2, with the prefilter on and off. Without --input, generates pages sized like Common Crawl's.",
      "Prints a table (medians of several runs, with min and max) and writes OUTPUT/bench-results.json."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--input", arity = "1..*", paramLabel = "WARC", description = "WARC files or directories to measure on (default: generated).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--labels", paramLabel = "TSV", description = "url, label (math/nonmath), ...: the prefilter's recall and pass rate on these pages (e.g. ../shared/realdata/labels.tsv).")
  Path labels;

  @Option(names = "--pages", paramLabel = "N", description = "Pages to generate (default 5000; 2000 with --quick).")
  Integer pages;

  @Option(names = "--runs", paramLabel = "N", description = "Measured runs per stage (default 5; 3 with --quick).")
  Integer runs;

  @Option(names = "--quick", description = "Fewer pages and runs, and the end-to-end job at parallelism 2 with the prefilter on only: a few minutes.")
  boolean quick;

  @Option(names = "--output", paramLabel = "DIR", description = "Working directory and results (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("out", "bench");

  @Option(names = "--train-scale", paramLabel = "N", description = {"Instead of the stages: train and validate the classifier on N generated math",
      "and N non-math documents with DeepSeekMath's settings (e.g. 100000; the paper used 500k + 500k), and write OUTPUT/train-scale.json."})
  Integer trainScale;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --train-scale: overrides one classify.* key; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--scale", paramLabel = "N,N,...", description = {"Instead of the stages: build over generated crawls of these sizes",
      "(e.g. 25k,50k,100k,200k) in a child JVM with --heap, and print each stage's CPU per page, growth against linear and peak heap;",
      "writes OUTPUT/scale.json."})
  String scale;

  @Option(names = "--heap", paramLabel = "SIZE", description = "With --scale: the build's JVM heap, TaskManager included (default: ${DEFAULT-VALUE}).")
  String heap = "1g";

  private Integer trainScale() throws Exception {
    if (trainScale < 100) {
      throw new UserError("--train-scale must be at least 100 documents per class, got " + trainScale);
    }
    io.mathsieve.config.Settings settings;
    try {
      settings = io.mathsieve.config.Settings.fromFlags(overrides);
      io.mathsieve.classifiers.math.ClassifierConfig.from(settings);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return writeResults(io.mathsieve.bench.TrainingScaleBench.run(trainScale, output.resolve("train-scale"), settings, System.err::println),
        "train-scale.json");
  }

  /** Stamps {@code result} with the time and the machine, writes it to OUTPUT/{@code name} and says where. */
  private int writeResults(ObjectNode result, String name) throws java.io.IOException {
    result.put("created", Instant.now().toString());
    result.put("machine", machine());
    Path file = output.resolve(name);
    RunSummary.json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
    System.out.println("results: " + file);
    return 0;
  }

  /** The generated samples (seed, negatives, benchmarks) under OUTPUT/samples, generated once. */
  private Path samples() {
    Path samples = output.resolve("samples");
    if (!Files.isDirectory(samples.resolve("seed"))) {
      SampleGenerator.generate(samples, SampleGenerator.Options.defaults());
    }
    return samples;
  }

  @Override
  public Integer call() throws Exception {
    int n = pages != null ? pages : quick ? 2000 : 5000;
    int r = runs != null ? runs : quick ? 3 : 5;
    if (n < 10 || r < 1) {
      throw new UserError("--pages must be at least 10 and --runs at least 1");
    }
    Files.createDirectories(output);
    if (trainScale != null) {
      return trainScale();
    }
    if (scale != null) {
      return writeResults(ScaleBench.run(ScaleBench.parse(scale), heap, output, samples(), System.err::println), "scale.json");
    }
    Path work = Files.createDirectories(output.resolve("work"));
    List<Path> warcs;
    Path manifest = null;
    if (inputs.isEmpty()) {
      System.err.println("bench: generating " + n + " pages sized like Common Crawl's ...");
      BenchCorpus.Summary s = BenchCorpus.generate(output.resolve("input"), n, 42, 0.04);
      warcs = s.files();
      manifest = s.manifest();
    } else {
      warcs = InputResolver.resolve(inputs).stream().map(sp -> Path.of(sp.location())).toList();
      if (warcs.isEmpty()) {
        throw new UserError("--input " + inputs + ": no WARC files");
      }
      if (warcs.size() == 1) { // the end-to-end figure is the difference between half the input and all of it
        warcs = io.mathsieve.bench.StageBench.splitAtMiddleRecord(warcs.get(0), Files.createDirectories(output.resolve("split")));
        System.err.println("bench: one WARC file, split at its middle record into " + warcs);
      }
    }
    java.util.Set<String> labelledMath = null;
    if (labels != null) {
      if (!Files.isRegularFile(labels)) {
        throw new UserError(labels + ": no such file");
      }
      labelledMath = new java.util.HashSet<>();
      try {
        io.mathsieve.bench.eval.LabelledPages set = io.mathsieve.bench.eval.LabelledPages.load(labels, java.util.Optional.empty(), java.util.Optional.empty());
        for (String line : Files.readAllLines(labels)) {
          String url = line.split("\t", 2)[0];
          if (set.label(url).map(io.mathsieve.bench.eval.LabelledPages.Label::math).orElse(false)) {
            labelledMath.add(url);
          }
        }
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
    }
    System.err.println("bench: training a DeepSeekMath-shaped fastText model (dim 256, wordNgrams 3) on the sample seed ...");
    Path samples = samples();
    Path model = StageBench.trainModel(samples.resolve("seed/openwebmath-sample.jsonl"), samples.resolve("negatives.jsonl"), work, 200_000);

    // Math pages by the labels, else by the generator's manifest; none known for real pages without --labels.
    java.util.Set<String> mathUrls = labelledMath != null ? labelledMath : StageBench.mathUrls(manifest);
    StageBench.Result stages = StageBench.run(new StageBench.Inputs(warcs, mathUrls, model,
        List.of(samples.resolve("benchmarks")), r,
        work), System.err::println);
    List<Measurement> rows = new ArrayList<>(stages.rows());
    List<TextDocument> docs = stages.documents();
    long textBytes = docs.stream().mapToLong(d -> d.text().length()).sum();
    Path parquet = work.resolve("pages.parquet");
    rows.add(StageBench.measure("Parquet write (pages store, zstd)", "docs", docs.size(), textBytes, r, () -> {
      Files.deleteIfExists(parquet);
      try (ParquetWriter<TextDocument> w = StoreParquetWriter.open(Stores.PAGES, new LocalOutputFile(parquet), Map.of())) {
        for (TextDocument d : docs) {
          w.write(d);
        }
      }
    }));

    // The end-to-end job: extract (+ URL/exact dedup) then score, on one local MiniCluster, over half
    // of the files and over all of them: the difference is the per-page cost, without job start-up.
    List<WarcSplit> splits = InputResolver.resolve(warcs.stream().map(Path::toString).toList());
    if (splits.size() < 2) {
      throw new UserError("the end-to-end measurement needs at least 2 WARC files, got " + splits.size());
    }
    List<WarcSplit> half = splits.subList(0, splits.size() / 2);
    List<E2e> runsE2e = new ArrayList<>();
    try (SharedMiniCluster cluster = SharedMiniCluster.start(2)) {
    for (boolean prefilter : List.of(true, false)) {
      for (int p : quick && !prefilter ? List.of(1) : List.of(1, 2)) {
        System.err.printf(Locale.ROOT, "bench: end to end, prefilter %s, parallelism %d, %d runs ...%n", prefilter ? "on" : "off", p, r);
        Jobs jobs = new Jobs(p, cluster.target(), Progress.NONE);
        // One unmeasured run over all files first: a one-off run spends twice its task CPU in the JIT
        // compiler, which would otherwise land in whichever measured run it happens to fall.
        e2e(splits, work.resolve("e2e-warmup"), model, prefilter, jobs);
        double[] perCore = new double[r];
        double[] perCoreNoJit = new double[r];
        double[] wall = new double[r];
        long pagesDiff = 0;
        for (int i = 0; i < r; i++) {
          Run small = e2e(half, work.resolve("e2e"), model, prefilter, jobs);
          Run large = e2e(splits, work.resolve("e2e"), model, prefilter, jobs);
          pagesDiff = large.pages() - small.pages();
          perCore[i] = pagesDiff / Math.max(1e-3, large.cpu() - small.cpu());
          perCoreNoJit[i] = pagesDiff / Math.max(1e-3, large.cpu() - large.jit() - (small.cpu() - small.jit()));
          wall[i] = pagesDiff / Math.max(1e-3, large.wall() - small.wall());
        }
        runsE2e.add(new E2e(prefilter, p, pagesDiff, new Measurement("e2e", "pages", pagesDiff, 0, perCore, ""),
            new Measurement("e2e without JIT", "pages", pagesDiff, 0, perCoreNoJit, ""),
            new Measurement("e2e wall", "pages", pagesDiff, 0, wall, "")));
      }
    }
    }

    double floor = rows.get(0).median();
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%n%-52s %12s %21s %9s %9s%n", "stage (one core, CPU time)", "per second", "min - max", "MB/s", "x floor"));
    for (Measurement m : rows) {
      table.append(String.format(Locale.ROOT, "%-52s %,7.0f %-4s %,9.0f - %,-9.0f %9.1f %9.2f%n", m.stage(), m.median(), m.unit(), m.min(), m.max(),
          m.megabytesPerSecond(), m.median() / floor));
      if (!m.note().isEmpty()) {
        table.append("    ").append(m.note()).append('\n');
      }
    }
    table.append(String.format(Locale.ROOT, "%nend to end: extract + URL/exact dedup + score on a MiniCluster, per page beyond job start-up"
        + " (the difference between all %d files and the first %d)%n", splits.size(), half.size()));
    table.append(String.format(Locale.ROOT, "%-30s %14s %21s %14s %9s %16s %9s%n", "", "pages/s/core", "min - max", "wall pages/s", "x floor",
        "without JIT", "x floor"));
    for (E2e e : runsE2e) {
      table.append(String.format(Locale.ROOT, "prefilter %-3s parallelism %d     %14.0f %,9.0f - %,-9.0f %14.0f %9.2f %16.0f %9.2f%n", e.prefilter() ? "on" : "off",
          e.parallelism(), e.perCore().median(), e.perCore().min(), e.perCore().max(), e.wall().median(), e.perCore().median() / floor,
          e.perCoreNoJit().median(), e.perCoreNoJit().median() / floor));
    }
    table.append(aboveFloorNote(runsE2e.stream().map(e -> e.perCore().rates()).toList(), floor, runsE2e.get(0).pages()));
    E2e p1 = runsE2e.stream().filter(e -> e.prefilter() && e.parallelism() == 1).findFirst().orElseThrow();
    E2e p2 = runsE2e.stream().filter(e -> e.prefilter() && e.parallelism() == 2).findFirst().orElseThrow();
    double scaling = p2.wall().median() / p1.wall().median();
    int cores = Runtime.getRuntime().availableProcessors();
    table.append(String.format(Locale.ROOT, "scaling, parallelism 2 / 1 (wall pages/s, prefilter on): %.2fx on %d cores%s%n", scaling, cores,
        scaling > 2 ? " (above 2x: the difference of two runs is start-up noise here; measure on more pages)" : ""));
    System.out.print(table);

    ObjectNode json = RunSummary.json().createObjectNode();
    json.put("created", Instant.now().toString());
    json.put("machine", machine());
    ObjectNode input = json.putObject("input");
    input.put("generated", inputs.isEmpty());
    ArrayNode files = input.putArray("warc_files"); // as measured: one given file is split in two
    for (Path w : warcs) {
      files.addObject().put("path", w.toAbsolutePath().normalize().toString()).put("bytes", Files.size(w));
    }
    input.put("labels", labels == null ? null : labels.toAbsolutePath().normalize().toString());
    input.put("math_pages", labelledMath != null || manifest != null ? Integer.valueOf(mathUrls.size()) : null);
    ArrayNode given = input.putArray("given");
    inputs.forEach(given::add);
    json.put("pages", stages.pages());
    json.put("html_bytes", stages.htmlBytes());
    json.put("runs", r);
    ArrayNode stageRows = json.putArray("stages");
    for (Measurement m : rows) {
      ObjectNode o = stageRows.addObject().put("stage", m.stage()).put("unit", m.unit()).put("median_per_s", m.median()).put("min_per_s", m.min())
          .put("max_per_s", m.max()).put("mb_per_s", m.megabytesPerSecond()).put("ratio_to_floor", m.median() / floor).put("note", m.note());
      ArrayNode all = o.putArray("rates");
      for (double v : m.rates()) {
        all.add(v);
      }
    }
    ArrayNode e2e = json.putArray("end_to_end");
    for (E2e e : runsE2e) {
      e2e.addObject().put("prefilter", e.prefilter()).put("parallelism", e.parallelism()).put("pages", e.pages())
          .put("pages_per_s_per_core", e.perCore().median()).put("min", e.perCore().min()).put("max", e.perCore().max())
          .put("wall_pages_per_s", e.wall().median())
          .put("pages_per_s_per_core_without_jit", e.perCoreNoJit().median())
          .put("runs_above_floor", aboveFloor(e.perCore().rates(), floor));
    }
    json.put("scaling_p2_over_p1", scaling);
    Path results = output.resolve("bench-results.json");
    RunSummary.json().writeValue(results.toFile(), json);
    System.out.println("results: " + results);
    return 0;
  }

  /**
   * A line saying how many end-to-end runs came out faster than the gunzip floor, or "": the job
   * gunzips every page, so such a run is the difference of two runs lost in start-up noise (a small
   * input; one run of 143 pages measured 58,000 pages/s), and its min–max is not a measurement.
   */
  static String aboveFloorNote(List<double[]> rates, double floor, long pages) {
    long above = rates.stream().mapToLong(r -> aboveFloor(r, floor)).sum();
    if (above == 0) {
      return "";
    }
    long runs = rates.stream().mapToLong(r -> r.length).sum();
    return String.format(Locale.ROOT, "note: %d of %d end-to-end runs came out above the gunzip floor (%,.0f pages/s), which a job that gunzips "
        + "every page cannot be: %,d pages beyond the first files are too few for the difference of two runs to exceed start-up noise; "
        + "measure on more pages%n", above, runs, floor, pages);
  }

  private static long aboveFloor(double[] rates, double floor) {
    return java.util.Arrays.stream(rates).filter(v -> v > floor).count();
  }

  /** One run of the job: pages read, process CPU seconds, wall seconds. */
  record Run(long pages, double cpu, double jit, double wall) {}

  /** The end-to-end rates of one setting: per core (CPU time) and wall, over the runs. */
  record E2e(boolean prefilter, int parallelism, long pages, Measurement perCore, Measurement perCoreNoJit, Measurement wall) {}

  private static Run e2e(List<WarcSplit> splits, Path dir, Path model, boolean prefilter, Jobs jobs) throws Exception {
    MathsieveConfig config = MathsieveConfig.from(Settings.empty().with("extract.prefilter", String.valueOf(prefilter), "bench"));
    ClassifierConfig c = config.classifier();
    double cpu0 = processCpu();
    double jit0 = jitCpu();
    long t0 = System.nanoTime();
    ExtractSummary extract = ExtractJob.run(splits, dir, config, jobs, true);
    ScoreJob.run(FlinkFiles.of(dir.resolve("pages")), model.toAbsolutePath().toString(), FlinkFiles.of(dir.resolve("scores-" + System.nanoTime())),
        c.maxChars(),
        Domains.Grouping.HOST, TokenCounter.ESTIMATE, 1, jobs);
    long pages = extract.responseRecords();
    return new Run(pages, processCpu() - cpu0, jitCpu() - jit0, (System.nanoTime() - t0) / 1e9);
  }

  /** The CPU's model name from /proc/cpuinfo (Linux), or the architecture elsewhere. */
  static String cpuModel() {
    try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return System.getProperty("os.arch");
    }
  }

  /**
   * CPU seconds of this process's JIT compiler threads (Linux: their /proc stat; 0 elsewhere). A
   * bench run of a thousand pages spends as much CPU compiling Jsoup and the extractor as running
   * them, which a crawl of millions does not.
   */
  static double jitCpu() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    long ticks = 0;
    try (var dirs = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) dirs::iterator) {
        try {
          ticks += compilerTicks(Files.readString(t.resolve("stat")));
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
    } catch (java.io.IOException e) {
      return 0;
    }
    return ticks / 100.0; // USER_HZ
  }

  /** From one /proc task stat line: user + system clock ticks if the thread is a JIT compiler ({@code C2 CompilerThre}), else 0. */
  static long compilerTicks(String stat) {
    int close = stat.lastIndexOf(')'); // the name may hold spaces and parentheses
    String name = stat.substring(stat.indexOf('(') + 1, close);
    if (!name.contains("CompilerThre")) {
      return 0;
    }
    String[] f = stat.substring(close + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
  }

  static double processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  static String machine() {
    return cpuModel() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB";
  }
}

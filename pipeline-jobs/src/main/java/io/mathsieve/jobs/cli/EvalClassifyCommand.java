package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.classifiers.iterate.TokenCounter;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.Confusion;
import io.mathsieve.classifiers.math.FastTextTrainer;
import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.classifiers.math.MathLabels;
import io.mathsieve.classifiers.math.MathTextNormalizer;
import io.mathsieve.config.Settings;
import io.mathsieve.hash.Murmur3;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.classify.TrainJob;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.ScoredDocument;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mathsieve eval classify}: the iterative classifier on labelled real pages, seeded as a
 * user would seed it, measured on the pages it was not seeded with.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts the labelled WARC files into a pages store, seeds 'iterate' with a deterministic share of the math pages (an",
      "OpenWebMath-style JSONL of their extracted text and math signals), runs the loop with the configuration given (defaults",
      "otherwise), and measures precision, recall and F1 of the final collection on every labelled page not in the seed.",
      "Next to it: the DeepSeekMath-default baseline (one fastText model, 3 epochs, text only, threshold 0.5, on the same seed",
      "and negatives) and the rule 'the page has at least one formula'. Writes OUTPUT/eval-classify.json.",
      "With --check, exits 1 when the loop's F1 is below --min-f1 or the loop stopped on a degenerate model.",
      "",
      "  mathsieve eval classify --realdata ../shared/realdata --check"
    })
public final class EvalClassifyCommand implements Callable<Integer> {
  @Mixin RealPagesOptions realPages;

  @Option(names = "--seed-share", paramLabel = "R", description = "Share of the math pages given as the seed (default ${DEFAULT-VALUE}).")
  double seedShare = 0.5;

  @Option(names = "--seed-pages", paramLabel = "N", description = "Seed with N math pages instead of --seed-share.")
  Integer seedPages;

  @Mixin EvalResults results;

  @Option(names = "--no-baseline", description = "Skip the DeepSeekMath-default baseline.")
  boolean noBaseline;

  @Option(names = "--min-f1", paramLabel = "R", description = "Floor: F1 on the pages not in the seed (default ${DEFAULT-VALUE}).")
  double minF1 = 0.95;

  @Mixin CommonOptions common;

  /** A labelled page of the store. */
  private record Page(TextDocument doc, boolean math) {}

  @Override
  public Integer call() throws Exception {
    Path labelsTsv = realPages.labels("eval classify");
    List<String> in = realPages.inputs("eval classify");
    Map<String, Boolean> truth = IterateDriver.readLabels(labelsTsv);
    MathsieveConfig config = common.config();
    Path output = results.dir();
    java.util.function.Consumer<String> log = common.quiet ? line -> {} : System.out::println;

    // 1. Extract, as a user would.
    Path extracted = output.resolve("extract");
    ExtractSummary extract = ExtractJob.run(InputResolver.resolve(in, config.warc()), extracted, config, common.jobs(), true);
    Path pages = extracted.resolve("pages");
    List<Page> labelled = new ArrayList<>();
    StoreReader.forEach(Stores.PAGES, FlinkFiles.of(pages), d -> {
      Boolean m = truth.get(d.url());
      if (m != null) {
        labelled.add(new Page(d, m));
      }
    });
    labelled.sort(Comparator.comparing(p -> p.doc().url()));
    List<Page> math = labelled.stream().filter(Page::math).sorted(Comparator.comparingLong(p -> Murmur3.hash64(p.doc().url(), 0x73656564L)))
        .toList();
    int n = seedPages != null ? seedPages : (int) Math.round(seedShare * math.size());
    if (n < 1 || n >= math.size()) {
      throw new UserError("the seed must hold between 1 and " + (math.size() - 1) + " of the " + math.size() + " math pages, got " + n);
    }
    Set<String> seedUrls = new HashSet<>();
    Path seed = output.resolve("seed.jsonl");
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(seed, StandardCharsets.UTF_8)) {
      for (Page p : math.subList(0, n)) {
        seedUrls.add(p.doc().url());
        ObjectNode row = json.createObjectNode();
        row.put("url", p.doc().url());
        row.put("text", p.doc().text());
        row.put("math_formulas", p.doc().formulas().total());
        row.put("has_math_markup", p.doc().hasMathMarkup());
        w.write(json.writeValueAsString(row));
        w.write('\n');
      }
    }
    List<Page> rest = labelled.stream().filter(p -> !seedUrls.contains(p.doc().url())).toList();
    long restMath = rest.stream().filter(Page::math).count();
    log.accept(String.format(Locale.ROOT, "%d labelled pages extracted (%d math); seed: %d math pages; measured on the other %d (%d math)",
        labelled.size(), math.size(), n, rest.size(), restMath));

    // 2. The loop, with the configuration given.
    ObjectNode out = RunSummary.json().createObjectNode();
    out.put("labelled_pages", labelled.size());
    out.put("seed_pages", n);
    out.put("measured_pages", rest.size());
    out.put("measured_math_pages", restMath);
    out.put("extract_pages", extract.pages());
    long started = System.nanoTime();
    String stopped = null;
    Confusion loop = null;
    int iterations = 0;
    try {
      IterateDriver.Result r = IterateDriver.run(new IterateDriver.Request(FlinkFiles.of(pages),
          new IterateDriver.Examples(List.of(seed), List.of(), null, null), FlinkFiles.of(output.resolve("iterate")), config.classifier(),
          config.iterate(), TokenCounter.ESTIMATE, new IterateDriver.Options(common.jobs(), true, log)));
      Set<String> collected = new HashSet<>();
      StoreReader.forEach(Stores.SCORES, r.collected(), (ScoredDocument s) -> collected.add(s.url()));
      loop = count(rest, p -> collected.contains(p.doc().url()));
      iterations = r.iterations();
      writeErrors(rest, collected, r.scores(), output.resolve("errors.tsv"));
    } catch (UserError e) {
      stopped = e.getMessage();
      log.accept("the loop stopped: " + stopped);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    ObjectNode l = out.putObject("iterate");
    if (loop != null) {
      put(l, loop);
      l.put("iterations", iterations);
    } else {
      l.put("stopped", stopped);
    }
    l.put("seconds", Math.round(seconds));

    // 3. The DeepSeekMath-default baseline and the formula rule, on the same pages.
    if (!noBaseline) {
      Confusion b = baseline(labelled, seedUrls, rest, config);
      put(out.putObject("baseline_deepseekmath_defaults"), b);
      print(log, "DeepSeekMath defaults (3 epochs, text only, >= 0.5)", b);
    }
    Confusion rule = count(rest, p -> p.doc().formulas().total() > 0);
    put(out.putObject("rule_has_formula"), rule);
    print(log, "rule: at least one formula", rule);
    if (loop != null) {
      print(log, String.format(Locale.ROOT, "iterate (%d iterations, %.0f s)", iterations, seconds), loop);
    }
    results.floor("the loop's final model", loop != null, "not degenerate");
    if (loop != null) {
      results.floor(String.format(Locale.ROOT, "F1 %.4f", loop.f1()), loop.f1() >= minF1, ">= " + minF1);
    }
    log.accept("errors:  " + output.resolve("errors.tsv") + " (pages the loop got wrong)");
    log.accept("results: " + results.write(out));
    return results.exitCode();
  }

  /**
   * The classifier as DeepSeekMath set it, with none of the loop's safeguards: one fastText model
   * with the paper's settings on the seed's text against the same negative sample, at threshold 0.5.
   */
  private Confusion baseline(List<Page> labelled, Set<String> seedUrls, List<Page> rest, MathsieveConfig config) throws Exception {
    ClassifierConfig dsm = ClassifierConfig.from(Settings.of(Map.of("classify.min-token-updates", "0", "classify.signals", "false",
        "classify.bucket", String.valueOf(config.classifier().bucket())), "baseline"));
    MathTextNormalizer normalizer = new MathTextNormalizer(dsm.maxChars());
    Path dir = Files.createDirectories(results.dir().resolve("baseline"));
    List<String> lines = new ArrayList<>();
    long positives = 0;
    for (Page p : labelled) {
      if (seedUrls.contains(p.doc().url())) {
        lines.add(MathLabels.MATH + " " + normalizer.normalize(p.doc().text()));
        positives++;
      }
    }
    double rate = config.iterate().negativesRatio() * positives / labelled.size();
    for (Page p : labelled) {
      if (!seedUrls.contains(p.doc().url()) && TrainJob.sampledAsNegative(p.doc().docId(), rate, config.iterate().seed())) {
        lines.add(MathLabels.OTHER + " " + normalizer.normalize(p.doc().text()));
      }
    }
    lines.sort(Comparator.comparingLong(s -> Murmur3.hash64(s, 0x747261696eL)));
    Path train = Files.write(dir.resolve("train.txt"), lines);
    FastTextTrainer.Model m = FastTextTrainer.train(train, dir.resolve("model"), dsm);
    try (MathClassifier c = MathClassifier.load(m.file(), dsm.maxChars())) {
      return count(rest, p -> c.score(p.doc().text()) >= 0.5);
    } finally {
      try (var files = Files.walk(dir)) { // the paper-sized model is a gigabyte of scratch
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /**
   * The measured pages the loop got wrong, one per line: missed math pages and collected non-math
   * ones, with the final model's score, the page's formulas and its text's first chars, to see
   * what kind of page the classifier does not know.
   */
  private static void writeErrors(List<Page> rest, Set<String> collected, org.apache.flink.core.fs.Path scores, Path file) throws Exception {
    Map<String, Double> score = new java.util.HashMap<>();
    StoreReader.forEach(Stores.SCORES, scores, (ScoredDocument s) -> score.put(s.url(), s.score()));
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("error\turl\tscore\tformulas\tmath_markup\ttext_start\n");
      for (Page p : rest) {
        boolean got = collected.contains(p.doc().url());
        if (got != p.math()) {
          String start = p.doc().text().substring(0, Math.min(200, p.doc().text().length())).replaceAll("\\s+", " ");
          w.write(String.join("\t", got ? "false_positive" : "missed", p.doc().url(), String.format(Locale.ROOT, "%.4f", score.getOrDefault(p.doc().url(),
              Double.NaN)), String.valueOf(p.doc().formulas().total()), String.valueOf(p.doc().hasMathMarkup()), start) + "\n");
        }
      }
    }
  }

  private static Confusion count(List<Page> pages, java.util.function.Predicate<Page> predicted) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Page p : pages) {
      boolean y = predicted.test(p);
      if (y && p.math()) {
        tp++;
      } else if (y) {
        fp++;
      } else if (p.math()) {
        fn++;
      }
    }
    return new Confusion(tp, fp, fn);
  }

  private static void put(ObjectNode o, Confusion c) {
    o.put("true_positives", c.truePositives());
    o.put("false_positives", c.falsePositives());
    o.put("false_negatives", c.falseNegatives());
    o.put("precision", round(c.precision()));
    o.put("recall", round(c.recall()));
    o.put("f1", round(c.f1()));
  }

  private static void print(java.util.function.Consumer<String> log, String what, Confusion c) {
    log.accept(String.format(Locale.ROOT, "%-55s F1 %.4f  P %.4f  R %.4f  (tp %d fp %d fn %d)", what, c.f1(), c.precision(), c.recall(),
        c.truePositives(), c.falsePositives(), c.falseNegatives()));
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}

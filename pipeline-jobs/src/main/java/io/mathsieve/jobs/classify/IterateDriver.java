package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.iterate.Annotations;
import io.mathsieve.classifiers.iterate.IterateConfig;
import io.mathsieve.classifiers.iterate.ScoreHistogram;
import io.mathsieve.classifiers.iterate.StopRule;
import io.mathsieve.classifiers.iterate.TokenCounter;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.Confusion;
import io.mathsieve.classifiers.math.ModelCard;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.DomainStat;
import io.mathsieve.schemas.PatternStat;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.flink.core.fs.Path;

/**
 * The iterative recall loop of DeepSeekMath §2.1, as a sequence of bounded Flink jobs per
 * iteration: train on the seed, score every page, collect the top by budget or threshold, find the
 * math domains (over 10% of their pages collected) and the URL patterns inside them, add the
 * uncollected pages under accepted patterns to the seed, and go again, until an iteration adds
 * fewer than 2% new pages or the iteration limit is reached.
 *
 * <p>Writes, under {@code workdir/iterations/iter-N/}: {@code model.bin} (or {@code .ftz}),
 * {@code training.json}, {@code scores/}, {@code collected/}, {@code domains/}, {@code patterns/},
 * {@code patterns.json}, {@code pattern-positives/}, {@code summary.json}; and
 * {@code workdir/iterations.json} for the whole loop.
 */
public final class IterateDriver {
  private IterateDriver() {}

  /**
   * What the loop learns from, and what it is measured on.
   *
   * @param seeds seed corpora (math pages): JSONL, Parquet or a URL-pattern list
   * @param negatives negative corpora, or none to sample the pages store
   * @param annotations URL-pattern annotations, or null
   * @param labels labelled URLs to measure each iteration's collection on, or null
   */
  public record Examples(List<java.nio.file.Path> seeds, List<java.nio.file.Path> negatives, java.nio.file.Path annotations,
      java.nio.file.Path labels) {}

  /**
   * How the loop runs.
   *
   * @param jobs how wide and where every job runs
   * @param overwrite whether an earlier loop in the work directory may be replaced
   * @param log progress lines
   */
  public record Options(Jobs jobs, boolean overwrite, Consumer<String> log) {}

  /** The inputs of a loop: the pages store, what it learns from, where it works, its settings, and how tokens are counted for a budget. */
  public record Request(Path pages, Examples examples, Path workdir, ClassifierConfig classifier, IterateConfig iterate, TokenCounter tokens,
      Options options) {}

  /** The outcome: the last iteration's artifacts, for scoring and for the stages after. */
  public record Result(int iterations, Path model, Path scores, Path collected, double threshold, String modelVersion, LoopSummary summary) {}

  public static Result run(Request r) throws Exception {
    Loop loop = new Loop(r);
    Last last = null;
    for (int i = 1; i <= r.iterate().maxIterations() && !loop.stopped; i++) {
      last = loop.iteration(i);
    }
    return loop.finish(last);
  }

  /** What an iteration leaves for the next one and for the loop's result. */
  private record Last(int iteration, Path dir, Path model, Path scores, double threshold, String modelVersion) {}

  /** The loop's state from one iteration to the next: the seed as it grows, and what the last iteration collected. */
  private static final class Loop {
    private final Request r;
    private final IterateConfig it;
    private final SeedFiles seed;
    private final Annotations annotations;
    private final Map<String, Boolean> labels;
    private final long pageCount;
    private final List<Path> seedInputs;
    private final List<Path> negativeInputs;
    private final Path iterations;
    /** Pattern positives so far, as stores, and how many pages they hold. */
    private final List<Path> positives = new ArrayList<>();
    private long patternPositives;
    private final String started = Instant.now().toString();
    /** The summaries of the iterations so far. */
    private final List<IterationSummary> done = new ArrayList<>();
    private Path previousScores;
    private double previousThreshold;
    private Set<String> previousMathDomains = Set.of();
    private boolean stopped;

    /** Checks the inputs and adds the pages under the seed's URL patterns, if it has any, to the positives. */
    Loop(Request r) throws Exception {
      this.r = r;
      this.it = r.iterate();
      if (!FlinkFiles.isDirectory(r.pages())) {
        throw new UserError("pages store " + FlinkFiles.shown(r.pages()) + " does not exist; run extract first");
      }
      OutputDirectory.prepare(r.workdir(), r.options().overwrite(), List.of("iterations", "iterations.json", "inputs"));
      for (java.nio.file.Path n : r.examples().negatives()) {
        SeedFiles.inspectNegatives(n);
      }
      seed = SeedFiles.inspect(r.examples().seeds());
      annotations = r.examples().annotations() == null ? Annotations.NONE : readAnnotations(r.examples().annotations());
      labels = r.examples().labels() == null ? Map.of() : readLabels(r.examples().labels());
      pageCount = StoreReader.rowCount(r.pages());
      if (pageCount == 0) {
        throw new UserError("pages store " + FlinkFiles.shown(r.pages()) + " is empty");
      }
      if (!seed.corpora().isEmpty()) {
        // Named, so that a directory given as the seed shows what it stood for.
        List<String> names = seed.corpora().stream().map(f -> f.getFileName().toString()).toList();
        r.options().log().accept(String.format(Locale.ROOT, "seed: %,d documents in %s%s", seed.corpusRows(),
            String.join(", ", names.subList(0, Math.min(5, names.size()))), names.size() > 5 ? " and " + (names.size() - 5) + " more files" : ""));
      }
      seedInputs = SeedFiles.readable(seed.corpora(), r.workdir(), "seed");
      negativeInputs = SeedFiles.readable(r.examples().negatives(), r.workdir(), "negatives");
      iterations = new Path(r.workdir(), "iterations");
      if (!seed.patterns().isEmpty()) {
        Path p0 = new Path(iterations, "iter-0/pattern-positives");
        long n = PositivesJob.run(r.pages(), null, 0, 0, Set.of(), new Annotations(seed.patterns(), annotations.exclude()), p0,
            r.options().jobs());
        r.options().log().accept(String.format(Locale.ROOT, "seed patterns: %d pages under %s", n, seed.patterns()));
        addPositives(p0, n);
      }
    }

    private void addPositives(Path store, long pages) {
      if (pages > 0) {
        positives.add(store);
        patternPositives += pages;
      }
    }

    /** One iteration: train, score, collect, mine domains and patterns, grow the seed; written to its summary.json. */
    Last iteration(int i) throws Exception {
      Path dir = new Path(iterations, "iter-" + i);
      FlinkFiles.mkdirs(dir);
      // 1. Train.
      Trained t = train(r, seed, seedInputs, negativeInputs, positives, patternPositives, pageCount, previousMathDomains, i, dir);
      Optional<String> degenerate = t.card().fastText().degenerate(r.classifier().minAuc());
      if (degenerate.isPresent()) {
        throw stopOnDegenerate(t, degenerate.get(), i, dir);
      }
      // 2. Score every page, 3. collect by budget or threshold.
      Path scores = new Path(dir, "scores");
      ScoreHistogram h = ScoreJob.run(r.pages(), t.model().toString(), scores, r.classifier().maxChars(), it.grouping(), r.tokens(), i,
          r.options().jobs());
      double threshold = it.byBudget() ? h.thresholdForBudget(it.budgetTokens())
          : it.thresholdGiven() ? it.threshold() : t.card().collectionThreshold();
      AnalyzeJob.Collection c = AnalyzeJob.collect(scores, threshold, previousScores, previousThreshold, labels, it.domainMinShare(),
          it.domainMinPages(), i, new Path(dir, "collected"), new Path(dir, "domains"), r.options().jobs());
      // 4. Math domains, 5. URL patterns inside them.
      MathDomains domains = mathDomains(new Path(dir, "domains"));
      Set<String> accepted = acceptedPatterns(r, scores, threshold, domains.names(), annotations, i, dir);
      // 6. Stop rule; 7. seed growth: uncollected pages under accepted patterns.
      String stop = StopRule.reason(i, it.maxIterations(), c.collectedPages(), c.newPages(), it.stopNewShare());
      long added = 0;
      if (stop == null) {
        Path p = new Path(dir, "pattern-positives");
        added = PositivesJob.run(r.pages(), scores, threshold, it.patternMinScore(), accepted, annotations, p, r.options().jobs());
        addPositives(p, added);
        stop = StopRule.afterSeedGrowth(added);
      }
      stopped = stop != null;
      report(i, dir, t, h, threshold, c, domains, accepted, added, stop);
      previousScores = scores;
      previousThreshold = threshold;
      previousMathDomains = domains.names();
      return new Last(i, dir, t.model(), scores, threshold, t.version());
    }

    /** Writes the iteration's summary.json, adds it to iterations.json, and logs its line. */
    private void report(int i, Path dir, Trained t, ScoreHistogram h, double threshold, AnalyzeJob.Collection c, MathDomains domains,
        Set<String> accepted, long added, String stop) throws IOException {
      double newShare = StopRule.newShare(c.collectedPages(), c.newPages());
      Confusion k = c.labelled() > 0 ? new Confusion(c.truePositives(), c.falsePositives(), c.falseNegatives()) : null;
      List<DomainStat> topMath = domains.top();
      IterationSummary s = new IterationSummary(i, t.version(), t.training(), round(threshold), it.byBudget()
          ? "top pages up to " + it.budgetTokens() + " tokens"
          : it.thresholdGiven() ? "score >= " + it.threshold() : "score >= the validated examples' best-F1 threshold",
          c.collectedPages(), c.collectedTokens(), c.newPages(), round(newShare), domains.names().size(),
          topMath.stream().limit(50).map(d -> new IterationSummary.DomainShare(d.domain(), d.pages(), d.collected(), round(d.share()))).toList(),
          List.copyOf(accepted), added, k == null ? null : c.labelled(), k == null ? null : round(k.precision()),
          k == null ? null : round(k.recall()), h.coarse(20), stop != null ? stop : "continuing");
      s.write(new Path(dir, "summary.json"));
      done.add(s);
      TrainJob.Counts counts = t.counts();
      r.options().log().accept(String.format(Locale.ROOT,
          "iteration %d: model %s, %d positives + %d negatives; threshold %.4f, collected %d pages (%d tokens), %d new (%.1f%%), "
              + "%d math domains%s, %d patterns accepted, +%d seed pages%s",
          i, t.version(), counts.seedPositives() + counts.patternPositives(), counts.negatives(), threshold, c.collectedPages(),
          c.collectedTokens(), c.newPages(), 100 * newShare, domains.names().size(), topMath.isEmpty() ? "" : " (" + String.join(", ",
              topMath.stream().limit(5).map(d -> d.domain() + " " + d.collected() + "/" + d.pages()).toList()) + ")",
          accepted.size(), added,
          k == null ? "" : String.format(Locale.ROOT, "; precision %.3f recall %.3f", s.precision(), s.recall())));
      if (c.collectedPages() == 0) {
        r.options().log().accept(String.format(Locale.ROOT, "warning: iteration %d collected no pages (none scored %.4f or more), so the "
            + "corpus will be empty. A seed from another source than these pages lets the model tell them apart by source rather than "
            + "by math (see its validation in %s): give seed pages like these pages' math pages, or collect the top pages with "
            + "--budget-tokens N", i, threshold, FlinkFiles.shown(new Path(dir, "training.json"))));
      }
    }

    /** Writes iterations.json and returns the last iteration's artifacts with it. */
    Result finish(Last last) throws IOException {
      Map<String, String> config = new LinkedHashMap<>(r.iterate().values());
      config.putAll(r.classifier().values());
      LoopSummary s = new LoopSummary(FlinkFiles.shown(r.pages()), pageCount, started, List.copyOf(done), last.iteration(),
          FlinkFiles.shown(last.model()), round(last.threshold()), config, io.mathsieve.config.Fingerprint.of(collect(r)));
      s.write(new Path(r.workdir(), "iterations.json"));
      return new Result(last.iteration(), last.model(), last.scores(), new Path(last.dir(), "collected"), last.threshold(), last.modelVersion(),
          s);
    }

    /**
     * Records in {@code summary.json} and {@code iterations.json} that iteration {@code i}'s model is
     * degenerate, before anything is collected, and returns the one-line error that stops the loop.
     */
    private UserError stopOnDegenerate(Trained t, String problem, int i, Path dir) throws IOException {
      TrainJob.Counts counts = t.counts();
      ModelCard card = t.card();
      IterationSummary.Degenerate s = new IterationSummary.Degenerate(i, t.version(), t.training(), "degenerate model: " + problem);
      s.write(new Path(dir, "summary.json"));
      new LoopSummary.Stopped(FlinkFiles.shown(r.pages()), pageCount, started, List.copyOf(done), s, "degenerate model in iteration " + i)
          .write(new Path(r.workdir(), "iterations.json"));
      return new UserError(String.format(Locale.ROOT,
          "iteration %d: %s, so nothing was collected, no domain mined and the seed left as it was. It trained on %d positives and %d "
              + "negatives for %d epochs: give it more seed pages, or more passes (classify.min-token-updates, classify.epoch). See %s",
          i, problem, counts.seedPositives() + counts.patternPositives(), counts.negatives(), card.plan().epoch(),
          FlinkFiles.shown(new Path(dir, "training.json"))));
    }
  }

  /** What an iteration trained: the model, its card, and the {@code training.json} written for it. */
  private record Trained(Path model, String version, ModelCard card, TrainJob.Counts counts, TrainingReport training) {}

  /** Trains iteration {@code i}'s model on the seed, the pattern positives so far and a fresh negative sample, and logs its validation. */
  private static Trained train(Request r, SeedFiles seed, List<Path> seedInputs, List<Path> negativeInputs, List<Path> positives,
      long patternPositives, long pageCount, Set<String> previousMathDomains, int i, Path dir) throws Exception {
    long knownPositives = seed.corpusRows() + patternPositives;
    double rate = r.iterate().negativesRatio() * knownPositives / pageCount;
    TrainJob.Counts counts = TrainJob.run(seedInputs, positives, negativeInputs, r.pages(), rate, r.iterate().seed(),
        new HashSet<>(previousMathDomains), r.iterate().grouping(), r.classifier(), new Path(dir, "model"), r.options().jobs());
    Path model = new Path(dir, r.classifier().quantize() ? "model.ftz" : "model.bin");
    String version;
    try (java.io.InputStream in = model.getFileSystem().open(model)) {
      version = io.mathsieve.classifiers.math.FastTextTrainer.version(in);
    }
    Path cardFile = new Path(dir, "model.card.json");
    ModelCard card;
    try (java.io.InputStream in = cardFile.getFileSystem().open(cardFile)) {
      card = ModelCard.read(in, FlinkFiles.shown(cardFile));
    }
    List<String> sources = new ArrayList<>();
    seed.corpora().forEach(p -> sources.add(p.toString()));
    positives.forEach(p -> sources.add(FlinkFiles.shown(p)));
    TrainingReport training = new TrainingReport(counts.seedPositives(), counts.patternPositives(), counts.negatives(),
        counts.negativesFromMathDomains(),
        r.examples().negatives().isEmpty() ? "sampled from the pages store at rate " + rate : r.examples().negatives().toString(), sources,
        FlinkFiles.shown(model), version, r.classifier().values(), card.plan(), card.validatedBy(), card.negativesSetAside(), card.fastText(),
        card.combined(), card.combined() != null ? card.combiner() : null);
    training.write(new Path(dir, "training.json"));
    r.options().log().accept(String.format(Locale.ROOT, "iteration %d: trained %d epochs (%s); %s, fastText %s%s", i, card.plan().epoch(), card.plan().reason(),
        card.validatedBy(), card.fastText().summary(), card.combined() == null ? "" : String.format(Locale.ROOT,
            "; combined with the math signals, %d sampled negatives that score as math set aside: %s", card.negativesSetAside(),
            card.combined().summary())));
    return new Trained(model, version, card, counts, training);
  }

  /** The math domains an iteration found, and the same most collected first. */
  private record MathDomains(Set<String> names, List<DomainStat> top) {}

  private static MathDomains mathDomains(Path domainsStore) throws IOException {
    Set<String> mathDomains = new TreeSet<>();
    List<DomainStat> topMath = new ArrayList<>();
    StoreReader.forEach(Stores.DOMAINS, domainsStore, d -> {
      if (d.mathDomain()) {
        mathDomains.add(d.domain());
        topMath.add(d);
      }
    });
    topMath.sort(Comparator.comparingLong(DomainStat::collected).reversed().thenComparing(DomainStat::domain));
    return new MathDomains(mathDomains, topMath);
  }

  /** A URL pattern accepted or excluded in a math domain, as listed in {@code patterns.json}. */
  private record PatternEvidence(String pattern, String domain, long pages, long collected, double share, boolean accepted, String source) {}

  /** Judges the URL patterns inside the math domains, writes their evidence to {@code patterns.json}, and returns the accepted ones. */
  private static Set<String> acceptedPatterns(Request r, Path scores, double threshold, Set<String> mathDomains, Annotations annotations, int i,
      Path dir) throws Exception {
    IterateConfig it = r.iterate();
    AnalyzeJob.patterns(scores, threshold, mathDomains, new PatternRules(it.patternMinPages(), it.patternMinShare(), annotations), i,
        new Path(dir, "patterns"), r.options().jobs());
    List<PatternStat> accepted = new ArrayList<>();
    StoreReader.forEach(Stores.PATTERNS, new Path(dir, "patterns"), p -> {
      if (p.accepted() || p.source().equals("excluded")) {
        accepted.add(p);
      }
    });
    accepted.sort(Comparator.comparing(PatternStat::pattern));
    List<PatternEvidence> evidence = new ArrayList<>();
    Set<String> acceptedPatterns = new TreeSet<>();
    for (PatternStat p : accepted) {
      evidence.add(new PatternEvidence(p.pattern(), p.domain(), p.pages(), p.collected(), round(p.share()), p.accepted(), p.source()));
      if (p.accepted()) {
        acceptedPatterns.add(p.pattern());
      }
    }
    FlinkFiles.writeJson(new Path(dir, "patterns.json"), RunSummary.snakeCase().valueToTree(evidence));
    return acceptedPatterns;
  }

  private static Map<String, String> collect(Request r) {
    Map<String, String> m = new HashMap<>(r.iterate().values());
    m.putAll(r.classifier().values());
    return m;
  }

  /** Reads an annotations file; a malformed line is a user error naming it. */
  public static Annotations readAnnotations(java.nio.file.Path file) {
    try {
      return Annotations.read(file);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /**
   * Reads a labels file: {@code url<TAB>label[<TAB>more columns]}, label one of 1/0, math/other
   * (or nonmath), true/false, yes/no; an optional header line starting {@code url<TAB>}. A malformed
   * line is a user error naming it.
   */
  public static Map<String, Boolean> readLabels(java.nio.file.Path file) {
    Map<String, Boolean> out = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read labels " + file + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\t");
      if (f.length < 2) {
        throw new UserError(file + ":" + (i + 1) + ": expected 'url<TAB>label', got '" + l + "'");
      }
      if (out.isEmpty() && f[0].equals("url")) {
        continue; // header
      }
      String v = f[1].strip().toLowerCase(Locale.ROOT);
      Boolean label = switch (v) {
        case "1", "math", "true", "yes" -> true;
        case "0", "other", "false", "no", "nonmath", "non-math" -> false;
        default -> throw new UserError(file + ":" + (i + 1) + ": label must be math/other (or 1/0), got '" + f[1] + "'");
      };
      out.put(f[0].strip(), label);
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

}

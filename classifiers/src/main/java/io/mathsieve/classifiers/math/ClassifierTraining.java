package io.mathsieve.classifiers.math;

import io.mathsieve.classifiers.fasttext.FastTextModel;
import io.mathsieve.hash.Murmur3;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the math classifier and validates it, from a file of labelled classifier lines in a
 * fixed order ({@code __label__math <line>}, {@link MathTextNormalizer#line}). Every example is
 * given a validation score by a fastText model that did not train on it, in one of two ways:
 *
 * <ul>
 *   <li><b>cross-fitting</b>, for a set of at most {@code classify.cross-fit-max-examples}: the
 *       examples fall into {@code classify.folds} folds by a hash of the line; a model trained on
 *       the other folds scores each fold. The model that scores the crawl is then trained on all
 *       examples. A seed of a hundred pages thus validates on all its examples, not on the dozen
 *       positives a 20% hold-out leaves, and the combiner and threshold are fitted on all of them;
 *   <li><b>a hold-out</b>, for larger sets (where folds cost hours): {@code classify.validation-share}
 *       of the examples, chosen by a hash of the line, stays out of the model that scores, and only
 *       those are validated.
 * </ul>
 *
 * Then fastText's own {@link Validation} is measured. With signals on, the {@link ScoreCombiner} is
 * fitted on the validation scores; the combined scores are measured with the combiner itself
 * cross-fitted over 5 folds (no example is scored by a combiner fitted on it), then the final
 * combiner is fitted on all of them. The {@link ModelCard} is written beside the model.
 *
 * <p>Either way, the same examples fall the same way every run. Streams the file once per model and
 * keeps one score per validated example in memory.
 *
 * <pre>{@code
 * ClassifierTraining.Result r = ClassifierTraining.run(Path.of("train.txt"), Path.of("iter-1/model"), config);
 * r.card().fastText().degenerate(config.minAuc());
 * }</pre>
 */
public final class ClassifierTraining {
  private static final long HOLD_OUT_SEED = 0x686f6c646f7574L;
  private static final int COMBINER_FOLDS = 5;

  private ClassifierTraining() {}

  /** The trained model and its card. */
  public record Result(FastTextTrainer.Model model, ModelCard card) {}

  public static Result run(Path examples, Path outputPrefix, ClassifierConfig c) {
    try {
      Path dir = Files.createTempDirectory(outputPrefix.toAbsolutePath().getParent(), "split-");
      try {
        return run(examples, outputPrefix, c, dir);
      } finally {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The labels, validation scores and signals of the validated examples. */
  private record Scored(double[] scores, boolean[] math, MathSignals[] signals) {
    /** The examples not dropped. */
    Scored without(boolean[] drop) {
      int size = scores.length - count(drop);
      Scored out = new Scored(new double[size], new boolean[size], new MathSignals[size]);
      int k = 0;
      for (int i = 0; i < scores.length; i++) {
        if (!drop[i]) {
          out.scores[k] = scores[i];
          out.math[k] = math[i];
          out.signals[k++] = signals[i];
        }
      }
      return out;
    }
  }

  private static Result run(Path examples, Path outputPrefix, ClassifierConfig c, Path dir) throws IOException {
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(examples, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null && n <= c.crossFitMaxExamples(); ) {
        n += line.isEmpty() ? 0 : 1;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(examples + ": no training examples");
    }
    return n <= c.crossFitMaxExamples() ? crossFit(examples, n, outputPrefix, c, dir) : holdOut(examples, outputPrefix, c, dir);
  }

  private static Result crossFit(Path examples, int n, Path outputPrefix, ClassifierConfig c, Path dir) throws IOException {
    int k = c.folds();
    Scored v = new Scored(new double[n], new boolean[n], new MathSignals[n]);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(k, c.foldParallelism()));
    try {
      List<Future<?>> folds = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        int fold = f;
        folds.add(pool.submit(() -> {
          scoreFold(examples, fold, n, c, dir, v);
          return null;
        }));
      }
      for (Future<?> f : folds) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while cross-fitting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Judgement j = judge(v, c);
    Path all = dir.resolve("all.txt");
    Copied kept = copy(examples, all, (i, line) -> !j.setAside()[i]);
    TrainingPlan plan = TrainingPlan.of(kept.examples(), kept.tokens(), c);
    FastTextTrainer.Model model = FastTextTrainer.train(all, outputPrefix, plan.apply(c));
    return card(model, plan, k + "-fold cross-fitting", j, outputPrefix, c);
  }

  /** Trains a model without fold {@code f} and scores that fold with it, into its own indices of {@code v}. */
  private static void scoreFold(Path examples, int f, int n, ClassifierConfig c, Path dir, Scored v) throws IOException {
    int k = c.folds();
    Path train = dir.resolve("fold-" + f + ".txt");
    Copied others = copy(examples, train, (i, line) -> fold(line, k) != f);
    if (others.examples() == 0) {
      throw new IllegalArgumentException(examples + ": too few examples for " + k + " folds (" + n + ")");
    }
    FastTextTrainer.Model model = FastTextTrainer.train(train, dir.resolve("fold-" + f),
        TrainingPlan.of(others.examples(), others.tokens(), c).apply(c));
    int i = 0;
    try (FastTextModel m = FastTextModel.load(model.file()); BufferedReader in = Files.newBufferedReader(examples, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isEmpty()) {
          if (fold(line, k) == f) {
            score(m, line, c, v, i);
          }
          i++;
        }
      }
    }
    Files.delete(model.file());
    Files.delete(train);
  }

  private static Result holdOut(Path examples, Path outputPrefix, ClassifierConfig c, Path dir) throws IOException {
    Path train = dir.resolve("train.txt");
    Path held = dir.resolve("held-out.txt");
    long cut = (long) (c.validationShare() * (1L << 32));
    long trainExamples = 0;
    long tokens = 0;
    int heldOut = 0;
    try (BufferedReader in = Files.newBufferedReader(examples, StandardCharsets.UTF_8);
        BufferedWriter t = Files.newBufferedWriter(train, StandardCharsets.UTF_8);
        BufferedWriter h = Files.newBufferedWriter(held, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isEmpty()) {
          continue;
        }
        if ((Murmur3.hash64(line, HOLD_OUT_SEED) >>> 32) < cut) {
          h.write(line);
          h.newLine();
          heldOut++;
        } else {
          t.write(line);
          t.newLine();
          trainExamples++;
          tokens += words(line) - 1; // not the label
        }
      }
    }
    if (trainExamples == 0) {
      throw new IllegalArgumentException(examples + ": no training examples left after holding out " + heldOut);
    }
    TrainingPlan plan = TrainingPlan.of(trainExamples, tokens, c);
    FastTextTrainer.Model model = FastTextTrainer.train(train, outputPrefix, plan.apply(c));
    Scored v = new Scored(new double[heldOut], new boolean[heldOut], new MathSignals[heldOut]);
    try (FastTextModel m = FastTextModel.load(model.file()); BufferedReader in = Files.newBufferedReader(held, StandardCharsets.UTF_8)) {
      int i = 0;
      for (String line; (line = in.readLine()) != null; i++) {
        score(m, line, c, v, i);
      }
    }
    return card(model, plan, String.format(java.util.Locale.ROOT, "%.0f%% held out", 100 * c.validationShare()), judge(v, c), outputPrefix, c);
  }

  /** Which examples to copy: by index among the non-empty lines, and by line. */
  @FunctionalInterface
  private interface Keep {
    boolean test(int index, String line);
  }

  /** The examples copied and the words in them (labels not counted), as fastText trains on them. */
  private record Copied(long examples, long tokens) {}

  /** Copies the examples (non-empty lines) that {@code keep} takes from {@code examples} to {@code out}. */
  private static Copied copy(Path examples, Path out, Keep keep) throws IOException {
    long n = 0;
    long tokens = 0;
    try (BufferedReader in = Files.newBufferedReader(examples, StandardCharsets.UTF_8);
        BufferedWriter t = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      int i = 0;
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isEmpty() && keep.test(i++, line)) {
          t.write(line);
          t.newLine();
          n++;
          tokens += words(line) - 1; // not the label
        }
      }
    }
    return new Copied(n, tokens);
  }

  /** The fold of an example: a hash of its line, so duplicates share a fold and no model validates on a copy of its training data. */
  static int fold(String line, int folds) {
    return (int) Long.remainderUnsigned(Murmur3.hash64(line, HOLD_OUT_SEED), folds);
  }

  private static void score(FastTextModel m, String line, ClassifierConfig c, Scored v, int i) {
    int space = line.indexOf(' ');
    String text = line.substring(space + 1);
    v.math()[i] = line.substring(0, space).equals(MathLabels.MATH);
    v.scores()[i] = m.probability(text, MathLabels.MATH);
    v.signals()[i] = c.signals() ? MathSignals.parse(text) : MathSignals.NONE;
  }

  /**
   * What the validation scores say: fastText's validation on every validated example, which
   * negatives to set aside, and the combiner and its validation on the rest.
   *
   * @param setAside per validated example, whether it is a sampled negative the model would collect
   */
  private record Judgement(Validation fastText, boolean[] setAside, double[] combiner, Validation combined) {
    int negativesSetAside() {
      return count(setAside);
    }
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }

  /**
   * Sets aside the sampled negatives that look like math, then fits the combiner on the rest.
   *
   * <p>The negatives are a sample of the crawl, so about the crawl's share of them is math nobody
   * has labelled (positive-unlabelled learning). Counted as "other", they teach the combiner that
   * formulas and a confident fastText score are weak evidence, and they lower the best-F1 threshold.
   * So the negatives that the uncleaned scores would collect (at {@link ModelCard#collectionThreshold})
   * are treated as unlabelled math: left out of the combiner's fit, the threshold and, with
   * cross-fitting, the model that scores. This is the "reliable negatives" step of two-step PU
   * learning. fastText's own validation, which decides whether the model is degenerate, is of every
   * example, so setting negatives aside cannot make a collapsed model look good.
   */
  private static Judgement judge(Scored v, ClassifierConfig c) {
    int n = v.scores().length;
    Validation fastText = Validation.of(v.scores(), v.math());
    boolean[] setAside = new boolean[n];
    if (!c.signals() || n == 0) {
      return new Judgement(fastText, setAside, null, null);
    }
    double[] first = crossFitted(v.scores(), v.signals(), v.math());
    double cut = ModelCard.combinedThreshold(Validation.of(first, v.math()));
    for (int i = 0; i < n; i++) {
      setAside[i] = !v.math()[i] && first[i] >= cut;
    }
    Scored kept = v.without(setAside);
    Validation combined = Validation.of(crossFitted(kept.scores(), kept.signals(), kept.math()), kept.math());
    double[] combiner = ScoreCombiner.fit(kept.scores(), kept.signals(), kept.math()).weights();
    return new Judgement(fastText, setAside, combiner, combined);
  }

  private static Result card(FastTextTrainer.Model model, TrainingPlan plan, String validatedBy, Judgement j, Path outputPrefix, ClassifierConfig c) {
    ModelCard card = new ModelCard(c.signals(), j.combiner(), plan, validatedBy, j.negativesSetAside(), j.fastText(), j.combined());
    card.write(ModelCard.beside(outputPrefix));
    return new Result(model, card);
  }

  /** Each held-out example scored by a combiner fitted on the other folds. */
  static double[] crossFitted(double[] scores, MathSignals[] signals, boolean[] math) {
    int n = scores.length;
    double[] out = new double[n];
    for (int f = 0; f < COMBINER_FOLDS; f++) {
      int size = 0;
      for (int i = 0; i < n; i++) {
        size += i % COMBINER_FOLDS != f ? 1 : 0;
      }
      double[] s = new double[size];
      MathSignals[] g = new MathSignals[size];
      boolean[] y = new boolean[size];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (i % COMBINER_FOLDS != f) {
          s[k] = scores[i];
          g[k] = signals[i];
          y[k++] = math[i];
        }
      }
      ScoreCombiner fold = ScoreCombiner.fit(s, g, y);
      for (int i = f; i < n; i += COMBINER_FOLDS) {
        out[i] = fold.score(scores[i], signals[i]);
      }
    }
    return out;
  }

  /** Words of a normalised classifier line (single spaces), as fastText counts them. */
  public static long words(String line) {
    long n = 1;
    for (int i = 0; i < line.length(); i++) {
      n += line.charAt(i) == ' ' ? 1 : 0;
    }
    return n;
  }
}

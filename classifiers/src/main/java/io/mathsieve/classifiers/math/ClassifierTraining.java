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

/**
 * Trains the math classifier and validates it, from a file of labelled classifier lines in a
 * fixed order ({@code __label__math <line>}, {@link MathTextNormalizer#line}):
 *
 * <ol>
 *   <li>holds out {@code classify.validation-share} of the examples, chosen by a hash of the line,
 *       so the same ones every run and the same share of each class on average;
 *   <li>trains fastText on the rest, for as many epochs as the {@link TrainingPlan} says;
 *   <li>scores the held-out examples, and measures fastText's own {@link Validation};
 *   <li>with signals on, fits the {@link ScoreCombiner} on the held-out examples, measures the
 *       combined scores with the combiner cross-fitted over 5 folds (no example is scored by a
 *       combiner fitted on it), then fits the final combiner on all of them;
 *   <li>writes the {@link ModelCard} beside the model.
 * </ol>
 *
 * The held-out examples stay out of the model, so the validation is of the model that scores.
 * Streams the file twice and keeps only one score per held-out example in memory.
 *
 * <pre>{@code
 * ClassifierTraining.Result r = ClassifierTraining.run(Path.of("train.txt"), Path.of("iter-1/model"), config);
 * r.card().fastText().degenerate(config.minAuc());
 * }</pre>
 */
public final class ClassifierTraining {
  private static final long HOLD_OUT_SEED = 0x686f6c646f7574L;
  private static final int FOLDS = 5;

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

  private static Result run(Path examples, Path outputPrefix, ClassifierConfig c, Path dir) throws IOException {
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

    double[] scores = new double[heldOut];
    boolean[] math = new boolean[heldOut];
    MathSignals[] signals = new MathSignals[heldOut];
    try (FastTextModel m = FastTextModel.load(model.file()); BufferedReader in = Files.newBufferedReader(held, StandardCharsets.UTF_8)) {
      int i = 0;
      for (String line; (line = in.readLine()) != null; i++) {
        int space = line.indexOf(' ');
        String text = line.substring(space + 1);
        math[i] = line.substring(0, space).equals(MathLabels.MATH);
        scores[i] = m.probability(text, MathLabels.MATH);
        signals[i] = c.signals() ? MathSignals.parse(text) : MathSignals.NONE;
      }
    }
    Validation fastText = Validation.of(scores, math);
    double[] combiner = null;
    Validation combined = null;
    if (c.signals() && heldOut > 0) {
      combined = Validation.of(crossFitted(scores, signals, math), math);
      combiner = ScoreCombiner.fit(scores, signals, math).weights();
    }
    ModelCard card = new ModelCard(c.signals(), combiner, plan, fastText, combined);
    card.write(ModelCard.beside(outputPrefix));
    return new Result(model, card);
  }

  /** Each held-out example scored by a combiner fitted on the other folds. */
  static double[] crossFitted(double[] scores, MathSignals[] signals, boolean[] math) {
    int n = scores.length;
    double[] out = new double[n];
    for (int f = 0; f < FOLDS; f++) {
      int size = 0;
      for (int i = 0; i < n; i++) {
        size += i % FOLDS != f ? 1 : 0;
      }
      double[] s = new double[size];
      MathSignals[] g = new MathSignals[size];
      boolean[] y = new boolean[size];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (i % FOLDS != f) {
          s[k] = scores[i];
          g[k] = signals[i];
          y[k++] = math[i];
        }
      }
      ScoreCombiner fold = ScoreCombiner.fit(s, g, y);
      for (int i = f; i < n; i += FOLDS) {
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

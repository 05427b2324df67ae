package io.mathsieve.classifiers.math;

import io.mathsieve.classifiers.fasttext.FastTextModel;
import java.nio.file.Path;

/**
 * Scores pages with a trained math classifier: the probability of {@code __label__math} for the
 * page's line as in training ({@link MathTextNormalizer#line}), combined with the page's math
 * signals when the model's {@link ModelCard} has a combiner. Thread-safe (the model is immutable).
 *
 * <pre>{@code
 * MathClassifier c = MathClassifier.load(Path.of("model.bin"), 6000);
 * double p = c.score(page.text(), MathSignals.of(page.formulas(), page.hasMathMarkup()));
 * }</pre>
 */
public final class MathClassifier implements AutoCloseable {
  private final FastTextModel model;
  private final MathTextNormalizer normalizer;
  private final String version;
  private final boolean signals;
  private final ScoreCombiner combiner;

  private MathClassifier(FastTextModel model, MathTextNormalizer normalizer, String version, ModelCard card) {
    this.model = model;
    this.normalizer = normalizer;
    this.version = version;
    this.signals = card != null && card.signals();
    this.combiner = card == null || card.combiner() == null ? null : new ScoreCombiner(card.combiner());
  }

  /** Loads a model; a file that is not a fastText model, or one without the math label, is a one-line error. */
  public static MathClassifier load(Path file, int maxChars) {
    FastTextModel m = FastTextModel.load(file);
    int labels = m.labelCount();
    if (labels != 2) {
      m.close();
      throw new IllegalArgumentException(file + ": not a math classifier (expected 2 labels, " + MathLabels.MATH + " and " + MathLabels.OTHER
          + ", found " + labels + ")");
    }
    ModelCard card;
    try {
      card = ModelCard.readBeside(file).orElse(null);
    } catch (IllegalArgumentException e) {
      m.close();
      throw e;
    }
    return new MathClassifier(m, new MathTextNormalizer(maxChars), FastTextTrainer.version(file), card);
  }

  /** P(math) of a page: its text and what the extractor saw of its math. */
  public double score(CharSequence text, MathSignals s) {
    String line = input(text, s);
    if (line.isEmpty()) {
      return 0;
    }
    double p = model.probability(line, MathLabels.MATH);
    return combiner == null || !signals ? p : combiner.score(p, s);
  }

  /** The line fastText reads for a page: what training wrote for it, byte for byte. */
  public String input(CharSequence text, MathSignals s) {
    return MathTextNormalizer.input(normalizer, text, s, signals);
  }

  /** P(math) of a text without the extractor's signals (a model with signals reads it as a page without math markup). */
  public double score(CharSequence text) {
    return score(text, MathSignals.NONE);
  }

  /** Whether the model reads the math signals (its card says so). */
  public boolean readsSignals() {
    return signals;
  }

  /** The model's version (SHA-256 prefix of its file). */
  public String version() {
    return version;
  }

  @Override
  public void close() {
    model.close();
  }
}

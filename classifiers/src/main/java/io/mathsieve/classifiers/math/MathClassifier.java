package io.mathsieve.classifiers.math;

import io.mathsieve.classifiers.fasttext.FastTextModel;
import java.nio.file.Path;

/**
 * Scores text with a trained math classifier: the probability of {@code __label__math}, on the
 * text normalised exactly as in training. Thread-safe (the model is immutable).
 *
 * <pre>{@code
 * MathClassifier c = MathClassifier.load(Path.of("model.bin"), 6000);
 * double p = c.score(page.text());
 * }</pre>
 */
public final class MathClassifier implements AutoCloseable {
  private final FastTextModel model;
  private final MathTextNormalizer normalizer;
  private final String version;

  private MathClassifier(FastTextModel model, MathTextNormalizer normalizer, String version) {
    this.model = model;
    this.normalizer = normalizer;
    this.version = version;
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
    return new MathClassifier(m, new MathTextNormalizer(maxChars), FastTextTrainer.version(file));
  }

  /** P(math) of {@code text}. */
  public double score(CharSequence text) {
    String line = normalizer.normalize(text);
    return line.isEmpty() ? 0 : model.probability(line, MathLabels.MATH);
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

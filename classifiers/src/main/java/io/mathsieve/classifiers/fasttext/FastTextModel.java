package io.mathsieve.classifiers.fasttext;

import com.github.jfasttext.JFastText;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A loaded fastText model (through the jfasttext JNI binding), immutable and safe to share between
 * threads for prediction.
 *
 * <pre>{@code
 * try (FastTextModel m = FastTextModel.load(Path.of("model.bin"))) {
 *   double p = m.probability("some text", "__label__math");
 * }
 * }</pre>
 *
 * <p>Two pitfalls of jfasttext handled here: its predict does not append the end-of-line token the
 * fastText CLI adds, so {@code "\n"} is appended for results identical to {@code fasttext
 * predict-prob}; and its {@code getLabels()} returns the word list, so labels are never read from it.
 */
public final class FastTextModel implements AutoCloseable {
  /** fastText's file magic, little-endian int32 at offset 0 of .bin and .ftz files. */
  static final int FASTTEXT_MAGIC = 793712314;

  private final JFastText model;
  private final String source;
  private volatile boolean closed;

  private FastTextModel(JFastText model, String source) {
    this.model = model;
    this.source = source;
  }

  /**
   * Loads a {@code .bin} or {@code .ftz} model. A missing file or a file that is not a fastText model
   * is an {@link IllegalArgumentException} with a one-line message naming the file.
   */
  public static FastTextModel load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": fastText model file not found");
    }
    int magic;
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      magic = Integer.reverseBytes(in.readInt());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a fastText model (cannot read its header: " + e.getMessage() + ")");
    }
    if (magic != FASTTEXT_MAGIC) {
      throw new IllegalArgumentException(file + ": not a fastText model (expected a .bin or .ftz file written by fastText)");
    }
    JFastText jft = new JFastText();
    jft.loadModel(file.toAbsolutePath().toString());
    return new FastTextModel(jft, file.toString());
  }

  /** Loads a model shipped as a classpath resource, copying it to a temporary file first. */
  public static FastTextModel loadResource(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model resource " + resource + " is missing from the classpath of " + anchor.getName());
      }
      Path tmp = Files.createTempFile("mathsieve-fasttext-", resource.substring(resource.lastIndexOf('.')));
      tmp.toFile().deleteOnExit();
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      return load(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract model resource " + resource, e);
    }
  }

  /** A label with its probability. */
  public record Prediction(String label, double probability) {}

  /**
   * The {@code k} most likely labels for one line of text. Newlines inside {@code text} must already
   * have been replaced (fastText predicts one line at a time).
   */
  public List<Prediction> predict(String text, int k) {
    checkOpen();
    List<JFastText.ProbLabel> labels = model.predictProba(text + "\n", k);
    return labels.stream().map(l -> new Prediction(l.label, Math.exp(l.logProb))).toList();
  }

  /** The probability of {@code label} for {@code text}: 0 when the model ranks it nowhere. */
  public double probability(String text, String label) {
    for (Prediction p : predict(text, labelCount())) {
      if (p.label().equals(label)) {
        return p.probability();
      }
    }
    return 0.0;
  }

  /** Number of labels the model knows. */
  public int labelCount() {
    checkOpen();
    return model.getNLabels();
  }

  /** Embedding dimension. */
  public int dimension() {
    checkOpen();
    return model.getDim();
  }

  /** Where the model was loaded from. */
  public String source() {
    return source;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("fastText model " + source + " is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      model.unloadModel();
    }
  }
}

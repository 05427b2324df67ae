package io.mathsieve.classifiers.math;

import com.github.jfasttext.JFastText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Trains the math classifier with fastText through JNI, from a training file of
 * {@code __label__math <normalised text>} / {@code __label__other <normalised text>} lines.
 *
 * <pre>{@code
 * FastTextTrainer.Model m = FastTextTrainer.train(trainingFile, Path.of("iter-1/model"), ClassifierConfig.defaults());
 * }</pre>
 *
 * <p>Quantization ({@code .ftz}) runs in a child JVM: fastText's quantize command ends with
 * {@code exit(0)}, which through JNI would end this process.
 */
public final class FastTextTrainer {
  private FastTextTrainer() {}

  /** A trained model: its file, and its version (the first 16 hex digits of the file's SHA-256). */
  public record Model(Path file, String version) {}

  /** Trains into {@code outputPrefix.bin} (and {@code .ftz} when quantizing); returns the model to score with. */
  public static Model train(Path trainingFile, Path outputPrefix, ClassifierConfig c) {
    if (!Files.isRegularFile(trainingFile)) {
      throw new IllegalArgumentException(trainingFile + ": training file not found");
    }
    List<String> args = new ArrayList<>(List.of(
        "supervised", "-input", trainingFile.toString(), "-output", outputPrefix.toString(),
        "-dim", String.valueOf(c.dim()), "-lr", String.valueOf(c.lr()), "-wordNgrams", String.valueOf(c.wordNgrams()),
        "-minCount", String.valueOf(c.minCount()), "-epoch", String.valueOf(c.epoch()), "-bucket", String.valueOf(c.bucket()),
        "-thread", String.valueOf(c.threads()), "-verbose", "0"));
    new JFastText().runCmd(args.toArray(String[]::new));
    Path bin = Path.of(outputPrefix + ".bin");
    if (!Files.isRegularFile(bin)) {
      throw new IllegalStateException("fastText wrote no model at " + bin);
    }
    try {
      Files.deleteIfExists(Path.of(outputPrefix + ".vec"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path model = bin;
    if (c.quantize()) {
      model = quantize(trainingFile, outputPrefix);
    }
    return new Model(model, version(model));
  }

  private static Path quantize(Path trainingFile, Path outputPrefix) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), Quantize.class.getName(),
        trainingFile.toString(), outputPrefix.toString());
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("fastText quantize failed for " + outputPrefix);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Path ftz = Path.of(outputPrefix + ".ftz");
    if (!Files.isRegularFile(ftz)) {
      throw new IllegalStateException("fastText quantize wrote no model at " + ftz);
    }
    return ftz;
  }

  /** The first 16 hex digits of the SHA-256 of a model file: the model version written with every score. */
  public static String version(Path model) {
    try (InputStream in = Files.newInputStream(model)) {
      return version(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #version(Path)} of a model read from {@code in} (a model on another file system). */
  public static String version(InputStream in) throws IOException {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The child process of quantization: {@code Quantize TRAINING_FILE OUTPUT_PREFIX}. */
  public static final class Quantize {
    private Quantize() {}

    public static void main(String[] a) {
      new JFastText().runCmd(new String[] {"quantize", "-input", a[0], "-output", a[1], "-qnorm",
          "-cutoff", "100000", "-verbose", "0"});
    }
  }
}

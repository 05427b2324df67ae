package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.classifiers.math.ModelCard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.core.fs.Path;

/**
 * Math classifiers loaded once per TaskManager process, shared by every slot (a fastText model is
 * immutable and thread-safe for prediction, and can weigh a gigabyte). Models on remote file systems
 * (S3, HDFS) are copied to a local temporary file first, because fastText reads local files.
 */
public final class ModelCache {
  private static final ConcurrentHashMap<String, MathClassifier> LOADED = new ConcurrentHashMap<>();

  private ModelCache() {}

  public static MathClassifier get(String location, int maxChars) {
    return LOADED.computeIfAbsent(location + "#" + maxChars, k -> load(location, maxChars));
  }

  private static MathClassifier load(String location, int maxChars) {
    java.nio.file.Path local = localPath(location);
    if (local == null) {
      Path remote = new Path(location);
      try {
        java.nio.file.Path dir = Files.createTempDirectory("mathsieve-model-");
        dir.toFile().deleteOnExit();
        local = dir.resolve(remote.getName());
        fetch(remote, local);
        java.nio.file.Path card = ModelCard.beside(local);
        Path remoteCard = new Path(remote.getParent(), card.getFileName().toString());
        if (remoteCard.getFileSystem().exists(remoteCard)) {
          fetch(remoteCard, card); // the card says how the model reads pages; without it the scores differ
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot fetch model " + location, e);
      }
    }
    return MathClassifier.load(local, maxChars);
  }

  private static void fetch(Path remote, java.nio.file.Path local) throws IOException {
    try (InputStream in = remote.getFileSystem().open(remote)) {
      Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
    }
    local.toFile().deleteOnExit();
  }

  static java.nio.file.Path localPath(String location) {
    if (location.startsWith("file:")) {
      return java.nio.file.Path.of(java.net.URI.create(location));
    }
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? null : java.nio.file.Path.of(location);
  }
}

package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.classifiers.math.ModelCard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.flink.core.fs.Path;

/**
 * Math classifiers loaded once per TaskManager process, shared by every slot (a fastText model is
 * immutable and thread-safe for prediction, and can weigh a gigabyte). Models on remote file systems
 * (S3, HDFS) are copied to a local temporary file first, because fastText reads local files.
 *
 * <p>A long incremental job switches models many times, so the cache keeps only the {@link #KEEP}
 * most recently acquired models (the current one and the one before it). An older model is closed
 * once the last {@link Lease} on it is released, never while a slot still scores with it.
 */
public final class ModelCache {
  /** Models kept loaded: the current one and the one before it. */
  public static final int KEEP = 2;

  /** Access-ordered: the eldest entry is the least recently acquired model. */
  private static final LinkedHashMap<String, Entry> LOADED = new LinkedHashMap<>(4, 0.75f, true);

  private ModelCache() {}

  /** A loaded model and how many leases hold it. */
  private static final class Entry {
    final MathClassifier classifier;
    int leases;
    boolean evicted;

    Entry(MathClassifier classifier) {
      this.classifier = classifier;
    }
  }

  /** A classifier in use by one operator; release it (close) when the operator closes or switches. */
  public static final class Lease implements AutoCloseable {
    private final Entry entry;
    private boolean released;

    private Lease(Entry entry) {
      this.entry = entry;
    }

    public MathClassifier classifier() {
      return entry.classifier;
    }

    @Override
    public void close() {
      synchronized (ModelCache.class) {
        if (released) {
          return;
        }
        released = true;
        entry.leases--;
        if (entry.evicted && entry.leases == 0) {
          entry.classifier.close();
        }
      }
    }
  }

  /** The model at {@code location}, loaded on first use; a load failure throws and caches nothing. */
  public static synchronized Lease acquire(String location, int maxChars) {
    String key = location + "#" + maxChars;
    Entry e = LOADED.get(key);
    if (e == null) {
      e = new Entry(load(location, maxChars));
      LOADED.put(key, e);
      evictBeyond(KEEP);
    }
    e.leases++;
    return new Lease(e);
  }

  /** The keys of the loaded models, least recently acquired first (for tests and logs). */
  static synchronized List<String> loaded() {
    return new ArrayList<>(LOADED.keySet());
  }

  private static void evictBeyond(int keep) {
    Iterator<Entry> it = LOADED.values().iterator();
    while (LOADED.size() > keep && it.hasNext()) {
      Entry eldest = it.next();
      it.remove();
      eldest.evicted = true;
      if (eldest.leases == 0) {
        eldest.classifier.close();
      }
    }
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

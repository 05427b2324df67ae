package io.mathsieve.jobs.decontam;

import io.mathsieve.decontam.index.BenchmarkIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.core.fs.Path;

/**
 * Benchmark indexes loaded once per TaskManager process (per job classloader), shared read-only by
 * every slot, and read through Flink's file systems so a local path, HDFS or S3 all work.
 */
public final class IndexCache {
  private static final ConcurrentHashMap<String, BenchmarkIndex> LOADED = new ConcurrentHashMap<>();

  private IndexCache() {}

  public static BenchmarkIndex get(String location) {
    return LOADED.computeIfAbsent(location, IndexCache::load);
  }

  /** Number of distinct indexes loaded in this process (for tests of the once-per-process rule). */
  static int loadedCount() {
    return LOADED.size();
  }

  private static BenchmarkIndex load(String location) {
    Path path = new Path(location);
    try (InputStream in = path.getFileSystem().open(path)) {
      return BenchmarkIndex.read(in, location);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read benchmark index " + location, e);
    }
  }
}

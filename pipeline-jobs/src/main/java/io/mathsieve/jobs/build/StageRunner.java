package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.run.OutputDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.flink.core.fs.Path;

/**
 * Runs a build's stages, each into {@code stages/<stage>/}. A stage whose marker holds the
 * fingerprint it would run with now is skipped and its recorded result read back. Otherwise its
 * directory and rejections are cleared, it runs, its rejections move to {@code rejections/<stage>},
 * and its marker is written last, so an interrupted stage runs again.
 */
final class StageRunner {
  /** One stage's work: runs into {@code dir} and returns its result. */
  @FunctionalInterface
  interface Body<R> {
    R run(Path dir) throws Exception;
  }

  private final Path out;
  private final Consumer<String> log;
  private final StageMarkers markers;
  private final List<String> skipped = new ArrayList<>();
  private final Map<String, Double> seconds = new TreeMap<>();

  StageRunner(Path out, Consumer<String> log) {
    this.out = out;
    this.log = log;
    this.markers = new StageMarkers(new Path(out, "stages"));
  }

  Path out() {
    return out;
  }

  Path dir(String stage) {
    return new Path(out, "stages/" + stage);
  }

  /** The stages skipped so far, in order. */
  List<String> skipped() {
    return skipped;
  }

  /** Seconds a stage ran for, 0 when skipped. */
  double seconds(String stage) {
    return seconds.getOrDefault(stage, 0.0);
  }

  /**
   * Runs stage {@code name}, or reads its result back with {@code read} when its marker holds
   * {@code fingerprint}. A marker whose result does not read (written by a version whose summary
   * had other fields) counts as absent: the stage runs again.
   */
  <R extends JobSummary> R run(String name, String fingerprint, Function<ObjectNode, R> read, Body<R> body) throws Exception {
    ObjectNode done = markers.done(name, fingerprint);
    if (done != null) {
      try {
        R result = read.apply(done);
        log.accept("stage " + name + ": done before (fingerprint " + fingerprint + "), skipped");
        skipped.add(name);
        return result;
      } catch (IllegalStateException e) {
        log.accept("stage " + name + ": its marker does not read, running again (" + e.getMessage() + ")");
      }
    }
    log.accept("stage " + name + ": running");
    markers.clear(name);
    Path dir = dir(name);
    Path rejections = new Path(out, "rejections/" + name);
    OutputDirectory.delete(dir);
    OutputDirectory.delete(rejections);
    long t0 = System.nanoTime();
    R result = body.run(dir);
    if (FlinkFiles.isDirectory(new Path(dir, "rejections"))) {
      FlinkFiles.move(new Path(dir, "rejections"), rejections);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    seconds.put(name, Math.round(s * 10) / 10.0);
    markers.finish(name, fingerprint, s, result.json());
    log.accept(String.format(Locale.ROOT, "stage %s: done in %.1f s", name, s));
    return result;
  }
}

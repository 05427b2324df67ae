package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.RunSummary;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.fs.Path;

/**
 * The completion markers of a build's stages, {@code stages/<stage>.done.json}: a stage's output
 * counts only once its marker is written (atomically, after the output), and is reused only when
 * the marker's fingerprint equals the one the stage would run with now. On any Flink file system.
 */
final class StageMarkers {
  private final Path stages;

  StageMarkers(Path stages) {
    this.stages = stages;
  }

  Path marker(String stage) {
    return new Path(stages, stage + ".done.json");
  }

  /** The summary a finished stage recorded, or null when it must run (no marker, or another fingerprint). */
  ObjectNode done(String stage, String fingerprint) throws IOException {
    Path m = marker(stage);
    if (!FlinkFiles.isFile(m)) {
      return null;
    }
    JsonNode n = FlinkFiles.readJson(m);
    if (!fingerprint.equals(n.path("fingerprint").asText()) || !(n.get("summary") instanceof ObjectNode s)) {
      return null;
    }
    return s;
  }

  /** Records that {@code stage} finished with {@code summary}. */
  void finish(String stage, String fingerprint, double seconds, ObjectNode summary) throws IOException {
    ObjectNode n = RunSummary.json().createObjectNode();
    n.put("stage", stage);
    n.put("fingerprint", fingerprint);
    n.put("finished", Instant.now().toString());
    n.put("seconds", seconds);
    n.set("summary", summary);
    FlinkFiles.writeJson(marker(stage), n);
  }

  void clear(String stage) throws IOException {
    FlinkFiles.delete(marker(stage));
  }
}

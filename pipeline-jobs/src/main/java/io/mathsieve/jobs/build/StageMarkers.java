package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The completion markers of a build's stages, {@code stages/<stage>.done.json}: a stage's output
 * counts only once its marker is written (atomically, after the output), and is reused only when
 * the marker's fingerprint equals the one the stage would run with now.
 */
final class StageMarkers {
  private final Path stages;

  StageMarkers(Path stages) {
    this.stages = stages;
  }

  Path marker(String stage) {
    return stages.resolve(stage + ".done.json");
  }

  /** The summary a finished stage recorded, or null when it must run (no marker, or another fingerprint). */
  ObjectNode done(String stage, String fingerprint) throws IOException {
    Path m = marker(stage);
    if (!Files.isRegularFile(m)) {
      return null;
    }
    JsonNode n = RunSummary.json().readTree(m.toFile());
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
    Files.createDirectories(stages);
    Path tmp = stages.resolve("." + stage + ".done.json.tmp");
    RunSummary.json().writeValue(tmp.toFile(), n);
    Files.move(tmp, marker(stage), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  void clear(String stage) throws IOException {
    Files.deleteIfExists(marker(stage));
  }
}

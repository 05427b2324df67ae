package io.mathsieve.jobs.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * A job's or a build stage's summary as a record. It is written as snake-case JSON (a job's
 * {@code run.json} or {@code dedup.json}, a build's stage markers and {@code run.json}) and read
 * back strictly ({@link #read}), so the code that reads a summary names its fields at compile time,
 * and a summary file with a key missing, renamed or of the wrong type stops with an error naming
 * it instead of reading 0.
 */
public interface JobSummary {
  /** This summary as the JSON it is written as. */
  default ObjectNode json() {
    return RunSummary.snakeCase().valueToTree(this);
  }

  /** Writes {@link #json()} to {@code file} on any Flink file system, atomically. */
  default void write(org.apache.flink.core.fs.Path file) throws IOException {
    FlinkFiles.writeJson(file, json());
  }

  /**
   * The summary (or part of one) of {@code type} written as {@code json}; an error naming
   * {@code what} and the key when it does not fit.
   */
  static <T extends Record> T read(JsonNode json, Class<T> type, String what) {
    try {
      return RunSummary.strictSnakeCase().treeToValue(json, type);
    } catch (JsonProcessingException e) {
      String at = e instanceof JsonMappingException m && !m.getPath().isEmpty()
          ? " at /" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
              .collect(Collectors.joining("/"))
          : "";
      String why = e.getOriginalMessage().lines().findFirst().orElse("");
      throw new IllegalStateException(what + " does not read as " + type.getSimpleName() + at + ": " + why, e);
    }
  }
}

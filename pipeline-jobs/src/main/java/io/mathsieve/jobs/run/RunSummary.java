package io.mathsieve.jobs.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code run.json}: what a run read, kept and dropped (per stage and reason), with the config that
 * made it. Built from the job's counters ({@link Counts}).
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper SNAKE_CASE = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private static final ObjectMapper STRICT = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private final ObjectNode root = JSON.createObjectNode();

  public RunSummary(String command) {
    root.put("command", command);
  }

  public ObjectNode root() {
    return root;
  }

  public void write(Path file) throws IOException {
    write(FlinkFiles.of(file));
  }

  /** Writes {@code run.json} (or another name) on any Flink file system, atomically. */
  public void write(org.apache.flink.core.fs.Path file) throws IOException {
    FlinkFiles.writeJson(file, root);
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** A mapper that writes and reads records under snake-case keys ({@code fullTextReread} as {@code full_text_reread}), as summaries name them. */
  public static ObjectMapper snakeCase() {
    return SNAKE_CASE;
  }

  /**
   * {@link #snakeCase()} for reading a summary back into its record: a key that is missing or
   * unknown, or a value of the wrong type (a fraction for a count), is an error, not a 0.
   */
  static ObjectMapper strictSnakeCase() {
    return STRICT;
  }
}

package io.mathsieve.jobs.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A message on the control topic: a new model and/or benchmark index for the running job,
 * {@code {"model": "s3://.../model.bin", "index": "/shared/benchmarks.idx"}}. Held in broadcast
 * state, so every subtask switches and a restored job keeps the latest.
 *
 * @param model the new model's location, empty to keep the current one
 * @param index the new index's location, empty to keep the current one
 */
public record Control(String model, String index) implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Broadcast state: {@code model} and {@code index} to their current locations. */
  public static final MapStateDescriptor<String, String> STATE = new MapStateDescriptor<>("control", Types.STRING, Types.STRING);

  /** The control message in {@code message}, or null when it is not one. */
  public static Control parse(String message) {
    try {
      JsonNode n = JSON.readTree(message == null ? "" : message.strip());
      if (n == null || !n.isObject()) {
        return null;
      }
      String model = n.path("model").asText("").strip();
      String index = n.path("index").asText("").strip();
      return model.isEmpty() && index.isEmpty() ? null : new Control(model, index);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}

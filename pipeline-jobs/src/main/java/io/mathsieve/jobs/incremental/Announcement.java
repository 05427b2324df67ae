package io.mathsieve.jobs.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;

/**
 * A message on the announcements topic: one WARC file to read, as a bare path or URL
 * ({@code s3://bucket/crawl/file.warc.gz}), or as JSON with optional metadata:
 * {@code {"warc": "https://...", "crawl": "CC-MAIN-2026-49"}}.
 *
 * @param location where to open the file
 * @param crawl the crawl it belongs to, empty when not given
 */
public record Announcement(String location, String crawl) implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The announcement in {@code message}, or null when it names no file. */
  public static Announcement parse(String message) {
    if (message == null) {
      return null;
    }
    String m = message.strip();
    if (m.isEmpty()) {
      return null;
    }
    if (m.startsWith("{")) {
      try {
        JsonNode n = JSON.readTree(m);
        String warc = n.path("warc").asText("");
        return warc.isBlank() ? null : new Announcement(warc.strip(), n.path("crawl").asText(""));
      } catch (java.io.IOException e) {
        return null;
      }
    }
    return m.contains("\n") ? null : new Announcement(m, "");
  }
}

package io.mathsieve.jobs.build;

import io.mathsieve.config.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fingerprint of input files by name, size and modification time (directories: every file in
 * them), so that a changed input makes the stages that read it run again. Remote locations count
 * by name only.
 */
final class InputFingerprint {
  private InputFingerprint() {}

  static String of(String kind, Collection<String> locations) {
    Map<String, String> entries = new TreeMap<>();
    for (String location : locations) {
      if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !location.startsWith("file:")) {
        entries.put(kind + ":" + location, "remote");
        continue;
      }
      Path p = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).forEach(f -> entries.put(kind + ":" + f, describe(f)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        entries.put(kind + ":" + p, describe(p));
      }
    }
    return Fingerprint.of(entries);
  }

  private static String describe(Path f) {
    try {
      return Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis();
    } catch (IOException e) {
      return "missing";
    }
  }
}

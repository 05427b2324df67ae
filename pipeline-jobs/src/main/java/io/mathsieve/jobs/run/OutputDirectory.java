package io.mathsieve.jobs.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares a run's output directory: refuses to write over earlier results unless told to
 * ({@code --overwrite}), in which case only the entries this command writes are removed.
 */
public final class OutputDirectory {
  private OutputDirectory() {}

  /** Checks and prepares {@code dir} for a command that writes {@code entries} into it. */
  public static void prepare(Path dir, boolean overwrite, List<String> entries) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError("output " + dir + " exists and is not a directory");
    }
    for (String entry : entries) {
      Path p = dir.resolve(entry);
      if (Files.exists(p)) {
        if (!overwrite) {
          throw new UserError("output " + p + " already exists; pass --overwrite to replace it, or choose another --output");
        }
        delete(p);
      }
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("cannot create output directory " + dir + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(dir)) {
      throw new UserError("output directory " + dir + " is not writable");
    }
  }

  /** Deletes {@code p} and everything under it (nothing when absent). */
  public static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + p, e);
    }
  }
}

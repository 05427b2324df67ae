package io.mathsieve.jobs.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares a run's output directory: refuses to write over earlier results unless told to
 * ({@code --overwrite}), in which case only the entries this command writes are removed. Local
 * directories and any Flink file system ({@code s3://...}) alike.
 */
public final class OutputDirectory {
  private OutputDirectory() {}

  /** Checks and prepares {@code dir} for a command that writes {@code entries} into it. */
  public static void prepare(Path dir, boolean overwrite, List<String> entries) {
    prepare(FlinkFiles.of(dir), overwrite, entries);
  }

  /** {@link #prepare(Path, boolean, List)} on any Flink file system. */
  public static void prepare(org.apache.flink.core.fs.Path dir, boolean overwrite, List<String> entries) {
    String shown = FlinkFiles.shown(dir);
    try {
      if (FlinkFiles.exists(dir) && !FlinkFiles.isDirectory(dir)) {
        throw new UserError("output " + shown + " exists and is not a directory");
      }
      for (String entry : entries) {
        org.apache.flink.core.fs.Path p = new org.apache.flink.core.fs.Path(dir, entry);
        if (FlinkFiles.exists(p)) {
          if (!overwrite) {
            throw new UserError("output " + FlinkFiles.shown(p) + " already exists; pass --overwrite to replace it, or choose another --output");
          }
          FlinkFiles.delete(p);
        }
      }
      FlinkFiles.mkdirs(dir);
    } catch (IOException e) {
      throw new UserError("cannot create output directory " + shown + ": " + e.getMessage(), e);
    }
    Path local = FlinkFiles.local(dir);
    if (local != null && !Files.isWritable(local)) {
      throw new UserError("output directory " + shown + " is not writable");
    }
  }

  /** Deletes {@code p} and everything under it (nothing when absent). */
  public static void delete(Path p) {
    delete(FlinkFiles.of(p));
  }

  /** {@link #delete(Path)} on any Flink file system. */
  public static void delete(org.apache.flink.core.fs.Path p) {
    try {
      FlinkFiles.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + FlinkFiles.shown(p), e);
    }
  }
}

package io.mathsieve.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Files of a run through Flink's file systems, so that a build's output can be a local directory
 * or {@code s3://bucket/prefix} (or HDFS) alike: the driver writes its markers, summaries and
 * manifest where the TaskManagers write the stores.
 *
 * <pre>{@code
 * Path out = FlinkFiles.location("s3://corpora/run1");
 * FlinkFiles.writeAtomically(new Path(out, "run.json"), bytes);
 * }</pre>
 */
public final class FlinkFiles {
  private FlinkFiles() {}

  /** A location as the user gives it: a URI with a scheme ({@code s3://...}, {@code file:/...}) or a local path. */
  public static Path location(String location) {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*") && !location.matches("^[a-zA-Z]:[\\\\/].*")) {
      return new Path(URI.create(location));
    }
    return of(java.nio.file.Path.of(location));
  }

  /** A local path as a Flink path (absolute, {@code file:} scheme). */
  public static Path of(java.nio.file.Path p) {
    return new Path(p.toAbsolutePath().normalize().toUri());
  }

  /** The local path of a {@code file:} location, or null on another file system. */
  public static java.nio.file.Path local(Path p) {
    URI u = p.toUri();
    return u.getScheme() == null ? java.nio.file.Path.of(u.getPath()) : u.getScheme().equals("file") ? java.nio.file.Path.of(u) : null;
  }

  /** A location as the user wrote it: a local path without {@code file:}. */
  public static String shown(Path p) {
    java.nio.file.Path local = local(p);
    return local != null ? local.toString() : p.toString();
  }

  public static boolean exists(Path p) throws IOException {
    return p.getFileSystem().exists(p);
  }

  public static boolean isDirectory(Path p) throws IOException {
    FileSystem fs = p.getFileSystem();
    return fs.exists(p) && fs.getFileStatus(p).isDir();
  }

  public static boolean isFile(Path p) throws IOException {
    FileSystem fs = p.getFileSystem();
    return fs.exists(p) && !fs.getFileStatus(p).isDir();
  }

  /** Deletes {@code p} and everything under it (nothing when absent). Local links are removed, not followed. */
  public static void delete(Path p) throws IOException {
    java.nio.file.Path local = local(p);
    if (local != null) { // Flink's local delete follows links to directories and would empty their targets
      if (java.nio.file.Files.exists(local, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(local)) {
          for (java.nio.file.Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            java.nio.file.Files.delete(q);
          }
        }
      }
      return;
    }
    FileSystem fs = p.getFileSystem();
    if (fs.exists(p) && !fs.delete(p, true) && fs.exists(p)) {
      throw new IOException("cannot remove " + p);
    }
  }

  public static void mkdirs(Path dir) throws IOException {
    if (!dir.getFileSystem().mkdirs(dir)) {
      throw new IOException("cannot create directory " + dir);
    }
  }

  /** The entries directly under {@code dir}, sorted by name; empty when it is absent. */
  public static List<Path> list(Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem();
    List<Path> out = new ArrayList<>();
    if (fs.exists(dir)) {
      FileStatus[] entries = fs.listStatus(dir);
      for (FileStatus s : entries == null ? new FileStatus[0] : entries) {
        out.add(s.getPath());
      }
    }
    out.sort((a, b) -> a.getName().compareTo(b.getName()));
    return out;
  }

  /**
   * Writes {@code content} so that readers see the old file or the whole new one: a hidden sibling
   * renamed over it (locally one atomic rename; on an object store the rename is a copy, which
   * also appears at once).
   */
  public static void writeAtomically(Path file, byte[] content) throws IOException {
    writeAtomically(file, out -> out.write(content));
  }

  /** What writes a file's content. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** {@link #writeAtomically(Path, byte[])} with the content streamed by {@code writer}. */
  public static void writeAtomically(Path file, Writer writer) throws IOException {
    FileSystem fs = file.getFileSystem();
    Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
    fs.mkdirs(file.getParent());
    try (OutputStream out = new java.io.BufferedOutputStream(fs.create(tmp, FileSystem.WriteMode.OVERWRITE), 1 << 16)) {
      writer.write(out);
    }
    java.nio.file.Path local = local(file);
    if (local != null) {
      java.nio.file.Files.move(local(tmp), local, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    if (fs.exists(file)) {
      fs.delete(file, false);
    }
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  /** Writes {@code node} as JSON, atomically. */
  public static void writeJson(Path file, JsonNode node) throws IOException {
    writeAtomically(file, RunSummary.json().writeValueAsBytes(node));
  }

  public static byte[] read(Path file) throws IOException {
    try (InputStream in = file.getFileSystem().open(file)) {
      return in.readAllBytes();
    }
  }

  public static JsonNode readJson(Path file) throws IOException {
    return RunSummary.json().readTree(read(file));
  }

  /** Moves {@code from} (a file or a directory) to {@code to}, replacing nothing: {@code to} must not exist. */
  public static void move(Path from, Path to) throws IOException {
    FileSystem fs = from.getFileSystem();
    fs.mkdirs(to.getParent());
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }
}

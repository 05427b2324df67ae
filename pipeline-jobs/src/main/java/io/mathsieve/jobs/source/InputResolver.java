package io.mathsieve.jobs.source;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.jobs.run.UserError;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the user's {@code --input} arguments into the sorted list of WARC files to read: a file as
 * it is, a directory searched recursively for {@code *.warc} and {@code *.warc.gz}, a glob
 * ({@code crawl/*.warc.gz}, {@code data/**}), a URL ({@code https://}, {@code s3://}), or a paths
 * list ({@code warc.paths.gz}, local or remote, see {@link PathsList}). Runs on the client, before the job starts, so a
 * missing input fails fast with one line instead of a failed job.
 */
public final class InputResolver {
  private InputResolver() {}

  public static List<WarcSplit> resolve(List<String> inputs) {
    return resolve(inputs, WarcConfig.defaults());
  }

  /** As above; {@code config} says how paths lists ({@code warc.paths.gz}) are read and expanded. */
  public static List<WarcSplit> resolve(List<String> inputs, WarcConfig config) {
    return resolve(inputs, config, false);
  }

  /**
   * As above. Every file under an input directory is read or reported once on standard error with
   * why it was skipped (a WAT/WET file, an unsupported compression, not a crawl file);
   * {@code strict} turns a skip into an error.
   */
  public static List<WarcSplit> resolve(List<String> inputs, WarcConfig config, boolean strict) {
    STRICT.set(strict);
    try {
      return resolveAll(inputs, config);
    } finally {
      STRICT.remove();
    }
  }

  private static final ThreadLocal<Boolean> STRICT = ThreadLocal.withInitial(() -> false);

  private static List<WarcSplit> resolveAll(List<String> inputs, WarcConfig config) {
    if (inputs == null || inputs.isEmpty()) {
      throw new UserError("no input given: pass --input with a WARC file, a directory or a glob");
    }
    // Keyed by location, so that a file named by two inputs (a directory and a file in it, the same
    // directory twice, a relative and an absolute path) is read once.
    TreeMap<String, WarcSplit> files = new TreeMap<>();
    for (String input : inputs) {
      if (PathsList.isPathsList(input)) {
        for (PathsList.Entry e : PathsList.read(input, config)) {
          files.put(e.name(), WarcSplit.of(e.location(), e.name()));
        }
        continue;
      }
      if (input.startsWith("http://") || input.startsWith("https://")) {
        files.put(input, WarcSplit.of(input, input)); // checked when opened, with retries
        continue;
      }
      TreeMap<String, WarcSplit> found = new TreeMap<>();
      if (input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !input.startsWith("file:")) {
        remote(input, found); // s3://, hdfs://, ...: a file, or a prefix listed through Flink's file system
      } else if (hasGlob(input)) {
        glob(input, found);
      } else {
        Path p = Path.of(input);
        if (Files.isDirectory(p)) {
          directory(p, found);
        } else if (Files.isRegularFile(p)) {
          if (!Files.isReadable(p)) {
            throw new UserError("input " + input + " is not readable");
          }
          local(p, found);
        } else {
          throw new UserError("input " + input + " does not exist");
        }
      }
      if (found.isEmpty()) {
        throw new UserError("input " + input + " holds no WARC or ARC files (*.warc, *.warc.gz, *.arc, *.arc.gz)");
      }
      found.forEach(files::putIfAbsent);
    }
    return new ArrayList<>(files.values());
  }

  private static void remote(String input, TreeMap<String, WarcSplit> files) {
    org.apache.flink.core.fs.Path root = new org.apache.flink.core.fs.Path(input);
    try {
      org.apache.flink.core.fs.FileSystem fs = root.getFileSystem();
      org.apache.flink.core.fs.FileStatus status = fs.getFileStatus(root);
      if (!status.isDir()) {
        files.put(input, WarcSplit.of(input, input));
        return;
      }
      java.util.ArrayDeque<org.apache.flink.core.fs.Path> dirs = new java.util.ArrayDeque<>(List.of(root));
      while (!dirs.isEmpty()) {
        for (org.apache.flink.core.fs.FileStatus s : fs.listStatus(dirs.pop())) {
          if (s.isDir()) {
            dirs.push(s.getPath());
          } else if (isWarc(s.getPath().getName())) {
            String location = s.getPath().toString();
            files.put(location, WarcSplit.of(location, location));
          }
        }
      }
    } catch (org.apache.flink.core.fs.UnsupportedFileSystemSchemeException e) {
      throw new UserError("input " + input + ": no file system for " + root.toUri().getScheme()
          + ":// here (s3:// needs Flink's S3 plugin: the build puts it in pipeline-jobs/target/plugins for ./mathsieve, a cluster in its plugins/)", e);
    } catch (java.io.FileNotFoundException e) {
      throw new UserError("input " + input + " does not exist", e);
    } catch (IOException e) {
      throw new UserError("cannot list input " + input + ": " + e.getMessage(), e);
    }
  }

  static boolean isWarc(Path p) {
    return isWarc(p.getFileName().toString());
  }

  static boolean isWarc(String fileName) {
    String n = fileName.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".warc") || n.endsWith(".warc.gz") || n.endsWith(".arc") || n.endsWith(".arc.gz");
  }

  private static void directory(Path dir, TreeMap<String, WarcSplit> files) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        java.util.Optional<String> skip = io.mathsieve.extract.warc.WarcFileKind.skipReason(p);
        if (skip.isPresent()) {
          if (STRICT.get()) {
            throw new UserError("input " + p + ": " + skip.get() + " (without --strict it is skipped)");
          }
          System.err.println("mathsieve: skipped " + p + ": " + skip.get());
        } else {
          local(p, files);
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot list input directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void glob(String pattern, TreeMap<String, WarcSplit> files) {
    int firstGlob = firstGlobChar(pattern);
    int slash = pattern.lastIndexOf('/', firstGlob);
    Path base = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, slash + 1));
    if (!Files.isDirectory(base)) {
      throw new UserError("input " + pattern + ": directory " + base + " does not exist");
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> walk = Files.walk(base)) {
      walk.filter(Files::isRegularFile)
          .map(p -> slash < 0 ? base.relativize(p) : p)
          .filter(matcher::matches)
          .forEach(p -> local(p, files));
    } catch (IOException e) {
      throw new UserError("cannot list " + base + ": " + e.getMessage(), e);
    }
  }

  /** A local file under its absolute, normalised location, named as the user gave it. */
  private static void local(Path p, TreeMap<String, WarcSplit> files) {
    String location = p.toAbsolutePath().normalize().toString();
    files.put(location, WarcSplit.of(location, p.toString()));
  }

  private static boolean hasGlob(String s) {
    return firstGlobChar(s) < s.length();
  }

  private static int firstGlobChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return s.length();
  }
}

package io.mathsieve.jobs.source;

import io.mathsieve.extract.warc.HttpWarcInput;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.jobs.run.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Common Crawl's lists of WARC files ({@code warc.paths.gz}: one path per line, relative to the
 * bucket): read from a local file, an HTTP(S) URL or any Flink file system, gunzipped when named
 * {@code .gz}. Relative lines become {@code warc.paths-prefix + line}
 * ({@code https://data.commoncrawl.org/} by default).
 */
public final class PathsList {
  private PathsList() {}

  /** Whether {@code input} names a paths list rather than a WARC file. */
  public static boolean isPathsList(String input) {
    String n = input.toLowerCase(Locale.ROOT);
    return n.endsWith(".paths") || n.endsWith(".paths.gz");
  }

  /** The list of a crawl, e.g. {@code CC-MAIN-2024-10}. */
  public static String ofCrawl(String crawl, WarcConfig config) {
    if (!crawl.matches("CC-MAIN-\\d{4}-\\d{2}")) {
      throw new UserError("--crawl " + crawl + ": expected a Common Crawl id like CC-MAIN-2024-10");
    }
    return config.pathsPrefix() + "crawl-data/" + crawl + "/warc.paths.gz";
  }

  /** The entries of a list: {@code name} (the line) and {@code location} (where to open it). */
  public record Entry(String name, String location) {}

  public static List<Entry> read(String location, WarcConfig config) {
    List<Entry> out = new ArrayList<>();
    try (InputStream raw = open(location, config);
        InputStream in = location.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        boolean absolute = line.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || line.startsWith("/");
        out.add(new Entry(line, absolute ? line : config.pathsPrefix() + line));
      }
    } catch (IOException e) {
      throw new UserError("cannot read the paths list " + location + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new UserError("the paths list " + location + " names no WARC files");
    }
    return out;
  }

  /** The entries of the first {@code n} segments ({@code .../segments/<id>/...}), in list order. */
  public static List<Entry> firstSegments(List<Entry> entries, int n) {
    Set<String> segments = new LinkedHashSet<>();
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      int at = e.name().indexOf("/segments/");
      String segment = at < 0 ? "" : e.name().substring(at + 10, Math.max(at + 10, e.name().indexOf('/', at + 10)));
      if (!segments.contains(segment)) {
        if (segments.size() == n) {
          continue;
        }
        segments.add(segment);
      }
      out.add(e);
    }
    return out;
  }

  private static InputStream open(String location, WarcConfig config) throws IOException {
    if (HttpWarcInput.isHttp(location)) {
      return Channels.newInputStream(new HttpWarcInput(java.net.URI.create(location), location, config).open(0));
    }
    java.nio.file.Path local = WarcInputs.localPath(location);
    if (local != null) {
      if (!Files.isRegularFile(local)) {
        throw new IOException("no such file");
      }
      return Files.newInputStream(local);
    }
    org.apache.flink.core.fs.Path p = new org.apache.flink.core.fs.Path(location);
    return p.getFileSystem().open(p);
  }
}

package io.mathsieve.classifiers.iterate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's URL annotations, overriding the mined patterns: one pattern a line, {@code + pattern}
 * (or just {@code pattern}) to include, {@code - pattern} to exclude, {@code #} for comments.
 *
 * <pre>
 * # annotations.txt
 * + mathoverflow.net/questions
 * - mathoverflow.net/users
 * </pre>
 */
public record Annotations(List<String> include, List<String> exclude) implements java.io.Serializable {
  public static final Annotations NONE = new Annotations(List.of(), List.of());

  public static Annotations read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read annotations (" + e.getMessage() + ")");
    }
    List<String> inc = new ArrayList<>();
    List<String> exc = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      boolean exclude = l.startsWith("-");
      String p = (l.startsWith("+") || exclude) ? l.substring(1).strip() : l;
      if (p.isEmpty() || p.contains(" ") || p.contains("*")) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected '+ host/path' or '- host/path', got '" + l + "'");
      }
      (exclude ? exc : inc).add(p);
    }
    return new Annotations(List.copyOf(inc), List.copyOf(exc));
  }

  /** Whether a URL falls under an excluded pattern. */
  public boolean excludes(String url) {
    return exclude.stream().anyMatch(p -> UrlPatterns.matches(p, url));
  }
}

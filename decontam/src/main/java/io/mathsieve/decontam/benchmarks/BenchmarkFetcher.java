package io.mathsieve.decontam.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Downloads public benchmark test sets from their canonical locations into the layout the loader
 * reads ({@code DIR/<benchmark>/<file>}), for users who are online. Retries server errors and
 * dropped connections with backoff; writes each file atomically; skips files already there.
 *
 * <pre>{@code
 * new BenchmarkFetcher(null).fetch(Path.of("benchmarks"), BenchmarkFetcher.CATALOG, System.out::println);
 * }</pre>
 *
 * <p>{@code mirror} replaces {@code https://} in every URL (a mirror serving the same paths under
 * {@code <mirror>/<host>/<path>}): how the tests reach a loopback server, and how users behind a
 * proxy cache can fetch. The locations are the canonical ones at the time of writing; a moved file
 * fails with its URL named.
 */
public final class BenchmarkFetcher {
  /** One file of a benchmark: where it comes from and where it goes under the output directory. */
  public record Entry(String benchmark, String file, String url) {}

  private static final String GITHUB = "https://raw.githubusercontent.com/";
  private static final String HF = "https://huggingface.co/datasets/";
  private static final List<String> MMLU_STEM =
      List.of("abstract_algebra", "astronomy", "college_biology", "college_chemistry", "college_computer_science", "college_mathematics",
          "college_physics", "computer_security", "conceptual_physics", "electrical_engineering", "elementary_mathematics",
          "high_school_biology", "high_school_chemistry", "high_school_computer_science", "high_school_mathematics", "high_school_physics",
          "high_school_statistics", "machine_learning");

  /** The test sets DeepSeekMath-style decontamination checks against. */
  public static final List<Entry> CATALOG = catalog();

  private static List<Entry> catalog() {
    List<Entry> c = new ArrayList<>();
    c.add(new Entry("gsm8k", "test.jsonl", GITHUB + "openai/grade-school-math/master/grade_school_math/data/test.jsonl"));
    c.add(new Entry("math500", "test.jsonl", GITHUB + "openai/prm800k/main/prm800k/math_splits/test.jsonl"));
    c.add(new Entry("cmath", "test.jsonl", HF + "weitianwen/cmath/resolve/main/cmath_test.jsonl"));
    for (String f : List.of("math", "sat-math", "aqua-rat", "gaokao-mathqa", "gaokao-mathcloze")) {
      c.add(new Entry("agieval", f + ".jsonl", GITHUB + "ruixiangcui/AGIEval/main/data/v1_1/" + f + ".jsonl"));
    }
    for (String s : MMLU_STEM) {
      c.add(new Entry("mmlu-stem", s + ".parquet", HF + "cais/mmlu/resolve/main/" + s + "/test-00000-of-00001.parquet"));
    }
    c.add(new Entry("svamp", "SVAMP.json", GITHUB + "arkilpatel/SVAMP/main/SVAMP.json"));
    return List.copyOf(c);
  }

  private final String mirror;
  private final int attempts;

  /** A fetcher; {@code mirror} (may be null) replaces {@code https://} in every URL. */
  public BenchmarkFetcher(String mirror) {
    this(mirror, 4);
  }

  BenchmarkFetcher(String mirror, int attempts) {
    this.mirror = mirror == null ? null : (mirror.endsWith("/") ? mirror : mirror + "/");
    this.attempts = attempts;
  }

  /** Downloads {@code entries} under {@code dir}; returns the files written or already present. */
  public List<Path> fetch(Path dir, List<Entry> entries, Consumer<String> log) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Entry e : entries) {
      Path target = dir.resolve(e.benchmark()).resolve(e.file());
      if (Files.exists(target) && Files.size(target) > 0) {
        log.accept("present  " + target);
        out.add(target);
        continue;
      }
      Files.createDirectories(target.getParent());
      String url = mirror == null ? e.url() : mirror + e.url().substring("https://".length());
      download(url, target);
      log.accept("fetched  " + target + " (" + Files.size(target) + " bytes) from " + url);
      out.add(target);
    }
    return out;
  }

  private void download(String url, Path target) throws IOException {
    io.mathsieve.net.HttpDownload.toFile(URI.create(url), target, java.util.Map.of("User-Agent", "mathsieve-benchmarks-fetch"), attempts);
  }

  /** The entries of the named benchmarks (all when {@code names} is empty). */
  public static List<Entry> select(List<String> names) {
    if (names.isEmpty()) {
      return CATALOG;
    }
    List<Entry> out = CATALOG.stream().filter(e -> names.contains(e.benchmark())).toList();
    for (String n : names) {
      if (out.stream().noneMatch(e -> e.benchmark().equals(n))) {
        throw new IllegalArgumentException("unknown benchmark '" + n + "'; known: "
            + CATALOG.stream().map(Entry::benchmark).distinct().toList());
      }
    }
    return out;
  }

}

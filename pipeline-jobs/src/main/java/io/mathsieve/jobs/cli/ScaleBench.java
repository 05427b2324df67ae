package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.run.JobCosts;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.samples.BenchCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code bench --scale N,N,...}: generates one crawl of the largest N pages sized like Common
 * Crawl's (4% math, 10% exact or near copies of recent pages; generating is the slow part, about
 * 12 ms a page), and for each N runs {@code build} on its first N pages (whole files of 100) in a child
 * JVM whose heap is capped (the local MiniCluster's TaskManager runs in it), and reads what each
 * job cost ({@link JobCosts}): CPU time of the process and the peak live heap, measured by a full
 * collection every {@link #LIVE_PROBE_MS} ms while a job runs.
 * Jobs group into stages by name (iteration numbers dropped). The table shows each stage's CPU per
 * page at every N and its growth against linear from the second N to the last.
 */
final class ScaleBench {
  private ScaleBench() {}

  /** How often the live heap is measured by a full collection while a job runs. */
  static final int LIVE_PROBE_MS = 2000;

  /**
   * One stage at one N: its jobs, their CPU and wall seconds, their peak live heap (after a full
   * collection) and the largest of their median live heaps.
   */
  record Stage(int jobs, double cpu, double wall, long peakHeap, long medianHeap) {}

  static ObjectNode run(List<Integer> sizes, String heap, Path output, Path samples, Consumer<String> log) throws Exception {
    ObjectNode json = RunSummary.json().createObjectNode();
    json.put("heap", heap);
    ArrayNode runs = json.putArray("runs");
    Map<Integer, Map<String, Stage>> all = new TreeMap<>();
    int largest = sizes.get(sizes.size() - 1);
    Path crawl = output.resolve("crawl-" + largest);
    Path generated = crawl.resolve("generated");
    if (!Files.exists(generated)) {
      OutputDirectory.delete(crawl);
      log.accept(String.format(Locale.ROOT, "bench: generating %,d pages (reused by later runs with the same largest N) ...", largest));
      BenchCorpus.generate(crawl, largest, 42, 0.04, 0.10);
      Files.writeString(generated, String.valueOf(largest));
    }
    List<Path> warcs;
    try (var list = Files.list(crawl.resolve("warc"))) {
      warcs = list.sorted().toList();
    }
    for (int n : sizes) {
      Path build = output.resolve("build-" + n);
      Path costs = output.resolve("costs-" + n + ".jsonl");
      Path input = output.resolve("input-" + n);
      OutputDirectory.delete(build);
      OutputDirectory.delete(input);
      Files.deleteIfExists(costs);
      Files.createDirectories(input);
      long htmlBytes = 0;
      for (Path f : warcs.subList(0, Math.min(warcs.size(), (n + 99) / 100))) { // the first N pages, as links
        Files.createSymbolicLink(input.resolve(f.getFileName()), f.toAbsolutePath());
        htmlBytes += Files.size(f);
      }
      log.accept(String.format(Locale.ROOT, "bench: build over %,d pages (%,d MB of WARC files), heap %s ...", n, htmlBytes >> 20, heap));
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
          "-D" + JobCosts.PROPERTY + "=" + costs.toAbsolutePath(),
          "-D" + JobCosts.LIVE_PROBE_PROPERTY + "=" + LIVE_PROBE_MS));
      for (String p : List.of("org.bytedeco.javacpp.cachedir", "ai.djl.offline", "mathsieve.root")) {
        if (System.getProperty(p) != null) {
          cmd.add("-D" + p + "=" + System.getProperty(p));
        }
      }
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", "--input", input.toString(),
          "--seed", samples.resolve("seed/openwebmath-sample.jsonl").toString(), "--benchmarks", samples.resolve("benchmarks").toString(),
          "--output", build.toString(), "--parallelism", "2", "--quiet", "--set", "iterate.max-iterations=2"));
      Path stderr = output.resolve("build-" + n + ".log");
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(stderr.toFile()).start();
      int rc = p.waitFor();
      double wall = (System.nanoTime() - t0) / 1e9;
      ObjectNode run = runs.addObject().put("pages", n).put("warc_bytes", htmlBytes).put("exit", rc).put("wall_s", wall);
      if (rc != 0) {
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        run.put("error", tail);
        log.accept("bench: build over " + n + " pages failed (exit " + rc + "); see " + stderr + "\n" + tail);
        break;
      }
      Map<String, Stage> stages = stages(costs);
      all.put(n, stages);
      ObjectNode st = run.putObject("stages");
      stages.forEach((k, v) -> st.putObject(k).put("jobs", v.jobs()).put("cpu_s", v.cpu()).put("wall_s", v.wall())
          .put("peak_live_heap_bytes", v.peakHeap()).put("median_live_heap_bytes", v.medianHeap()));
      log.accept(String.format(Locale.ROOT, "bench: %,d pages built in %.0f s", n, wall));
      System.out.print(table(all));
      OutputDirectory.delete(build);
      OutputDirectory.delete(input);
    }
    json.put("table", table(all));
    return json;
  }

  /**
   * Jobs grouped into stages by name, the iteration kept ("iterate: train iter-2" is "iterate: train
   * (iteration 2)"), since a larger crawl may run more iterations; repeated jobs of one name (the
   * component rounds of near-dedup) add up.
   */
  static Map<String, Stage> stages(Path costs) throws IOException {
    Map<String, Stage> out = new TreeMap<>();
    for (String line : Files.readAllLines(costs, StandardCharsets.UTF_8)) {
      JsonNode j = RunSummary.json().readTree(line);
      String stage = j.get("job").asText().replaceFirst("^mathsieve ", "").replaceAll(" iter-(\\d+)$", " (iteration $1)").strip();
      Stage s = out.getOrDefault(stage, new Stage(0, 0, 0, 0, 0));
      long peak = j.path("peak_live_heap_bytes").asLong(j.get("peak_heap_after_gc_bytes").asLong());
      out.put(stage, new Stage(s.jobs() + 1, s.cpu() + j.get("cpu_s").asDouble(), s.wall() + j.get("wall_s").asDouble(),
          Math.max(s.peakHeap(), peak), Math.max(s.medianHeap(), j.path("median_live_heap_bytes").asLong(peak))));
    }
    return out;
  }

  static String table(Map<Integer, Map<String, Stage>> measured) {
    Map<Integer, Map<String, Stage>> all = new TreeMap<>();
    measured.forEach((n, m) -> { // the whole build, as one more row
      Map<String, Stage> rows = new TreeMap<>(m);
      rows.put("~ all stages", new Stage(m.values().stream().mapToInt(Stage::jobs).sum(), m.values().stream().mapToDouble(Stage::cpu).sum(),
          m.values().stream().mapToDouble(Stage::wall).sum(), m.values().stream().mapToLong(Stage::peakHeap).max().orElse(0),
          m.values().stream().mapToLong(Stage::medianHeap).max().orElse(0)));
      all.put(n, rows);
    });
    List<Integer> ns = new ArrayList<>(all.keySet());
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%n%-34s", "stage (CPU ms per 1k pages)"));
    for (int n : ns) {
      b.append(String.format(Locale.ROOT, " %10s", String.format(Locale.ROOT, "%,d", n)));
    }
    b.append(String.format(Locale.ROOT, " %12s", "growth/lin"));
    for (int n : ns) {
      b.append(String.format(Locale.ROOT, " %9s", "live MB"));
    }
    for (int n : ns) {
      b.append(String.format(Locale.ROOT, " %8s", "p50 MB"));
    }
    b.append('\n');
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    all.values().forEach(m -> names.addAll(m.keySet()));
    names.add("~ all stages");
    for (String stage : names) {
      b.append(String.format(Locale.ROOT, "%-34s", stage.length() > 34 ? stage.substring(0, 34) : stage));
      for (int n : ns) {
        Stage s = all.get(n).get(stage);
        b.append(s == null ? String.format(Locale.ROOT, " %10s", "-") : String.format(Locale.ROOT, " %10.0f", s.cpu() * 1e6 / n));
      }
      b.append(String.format(Locale.ROOT, " %12s", growth(all, ns, stage)));
      for (int n : ns) {
        Stage s = all.get(n).get(stage);
        b.append(s == null ? String.format(Locale.ROOT, " %9s", "-") : String.format(Locale.ROOT, " %9d", s.peakHeap() >> 20));
      }
      for (int n : ns) {
        Stage s = all.get(n).get(stage);
        b.append(s == null ? String.format(Locale.ROOT, " %8s", "-") : String.format(Locale.ROOT, " %8d", s.medianHeap() >> 20));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** CPU growth from the second N to the last, over linear growth: 1.00 is linear. */
  private static String growth(Map<Integer, Map<String, Stage>> all, List<Integer> ns, String stage) {
    if (ns.size() < 3) {
      return "-";
    }
    int from = ns.get(1);
    int to = ns.get(ns.size() - 1);
    Stage a = all.get(from).get(stage);
    Stage z = all.get(to).get(stage);
    if (a == null || z == null || a.cpu() <= 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f", (z.cpu() / a.cpu()) / ((double) to / from));
  }

  static List<Integer> parse(String sizes) {
    List<Integer> out = new ArrayList<>();
    for (String s : sizes.split(",")) {
      try {
        int n = Integer.parseInt(s.strip().replace("_", "").replace("k", "000"));
        if (n < 100) {
          throw new NumberFormatException();
        }
        out.add(n);
      } catch (NumberFormatException e) {
        throw new UserError("--scale " + sizes + ": expected page counts of at least 100 separated by commas, e.g. 25k,50k,100k,200k");
      }
    }
    return out.stream().sorted().toList();
  }
}

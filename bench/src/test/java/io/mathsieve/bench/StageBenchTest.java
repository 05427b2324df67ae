package io.mathsieve.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.samples.BenchCorpus;
import io.mathsieve.samples.SampleGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's input and harness (not its figures: those are measured by ./mathsieve bench, never asserted). */
class StageBenchTest {
  @TempDir Path dir;

  // Page sizes follow Common Crawl's shape: median about 60 KB, mean about 150 KB of HTML.
  @Test
  void generatedPagesAreSizedLikeCommonCrawl() throws Exception {
    BenchCorpus.Summary s = BenchCorpus.generate(dir.resolve("in"), 600, 1, 0.04);
    List<Integer> sizes = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    int math = 0;
    for (String line : Files.readAllLines(s.manifest())) {
      JsonNode m = json.readTree(line);
      sizes.add(m.get("html_bytes").asInt());
      math += m.get("is_math").asBoolean() ? 1 : 0;
    }
    int[] sorted = sizes.stream().mapToInt(Integer::intValue).sorted().toArray();
    double median = sorted[sorted.length / 2];
    double mean = Arrays.stream(sorted).average().orElse(0);
    assertThat(median).isBetween(45_000.0, 80_000.0);
    assertThat(mean).isBetween(110_000.0, 190_000.0);
    assertThat(sorted[sorted.length - 1]).isLessThanOrEqualTo(2_000_000 + 20_000); // the cap, plus at most one filler block
    assertThat(math).isBetween(10, 50);
    assertThat(s.files()).hasSize(6);
  }

  // Every stage is measured on the same pages, with the prefilter's recall against the manifest.
  @Test
  void everyStageIsMeasured() throws Exception {
    BenchCorpus.Summary in = BenchCorpus.generate(dir.resolve("in"), 40, 2, 0.25);
    SampleGenerator.generate(dir.resolve("samples"), SampleGenerator.Options.defaults());
    Path model = StageBench.trainModel(dir.resolve("samples/seed/openwebmath-sample.jsonl"), dir.resolve("samples/negatives.jsonl"),
        Files.createDirectories(dir.resolve("work")), 20_000);
    StageBench.Result r = StageBench.run(new StageBench.Inputs(in.files(), StageBench.mathUrls(in.manifest()), model,
        List.of(dir.resolve("samples/benchmarks")), 2, dir.resolve("work")), line -> {});
    assertThat(r.pages()).isEqualTo(40);
    assertThat(r.rows()).extracting(Measurement::stage).anySatisfy(s -> assertThat(s).startsWith("gunzip"))
        .anySatisfy(s -> assertThat(s).startsWith("fastText")).anySatisfy(s -> assertThat(s).startsWith("MinHash"))
        .anySatisfy(s -> assertThat(s).startsWith("decontamination")).anySatisfy(s -> assertThat(s).startsWith("math prefilter"))
        .anySatisfy(s -> assertThat(s).startsWith("Jsoup StreamParser")).anySatisfy(s -> assertThat(s).startsWith("validator.nu"));
    assertThat(r.rows()).allSatisfy(m -> {
      assertThat(m.rates()).hasSize(2);
      assertThat(m.median()).isPositive();
    });
    Measurement prefilter = r.rows().stream().filter(m -> m.stage().startsWith("math prefilter")).findFirst().orElseThrow();
    assertThat(prefilter.note()).startsWith("recall 100.00% on ");
  }

  @Test
  void medianMinAndMax() {
    Measurement m = new Measurement("x", "pages", 10, 1_000_000, new double[] {5, 1, 3, 100}, "");
    assertThat(m.median()).isEqualTo(4);
    assertThat(m.min()).isEqualTo(1);
    assertThat(m.max()).isEqualTo(100);
    assertThat(m.megabytesPerSecond()).isEqualTo(0.4);
  }

  // One WARC file splits at a record into two valid files holding its pages between them; the
  // duplicate share of the scale benchmark's crawl is what was asked for.
  @Test
  void aSingleWarcFileSplitsIntoTwoValidHalves() throws Exception {
    BenchCorpus.Summary s = BenchCorpus.generate(dir.resolve("one"), 60, 3, 0.1);
    Path file = s.files().get(0);
    List<String> all = new ArrayList<>();
    StageBench.readPages(List.of(file), p -> all.add(p.url()));
    List<Path> halves = StageBench.splitAtMiddleRecord(file, Files.createDirectories(dir.resolve("split")));
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    StageBench.readPages(List.of(halves.get(0)), p -> first.add(p.url()));
    StageBench.readPages(List.of(halves.get(1)), p -> second.add(p.url()));
    assertThat(first).isNotEmpty();
    assertThat(second).isNotEmpty();
    List<String> joined = new ArrayList<>(first);
    joined.addAll(second);
    assertThat(joined).isEqualTo(all);
    assertThat(Files.size(halves.get(0)) + Files.size(halves.get(1))).isEqualTo(Files.size(file));

    BenchCorpus.Summary d = BenchCorpus.generate(dir.resolve("dups"), 1000, 4, 0.04, 0.2);
    long copies = Files.readAllLines(d.manifest()).stream().filter(l -> l.contains("\"duplicate\"")).count();
    assertThat(copies).as("20%% of the pages after the first 256").isBetween(100L, 200L);
  }
}

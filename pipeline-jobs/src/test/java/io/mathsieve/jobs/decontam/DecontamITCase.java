package io.mathsieve.jobs.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.jobs.Duck;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.store.PagesAdapter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.samples.SampleGenerator;
import io.mathsieve.schemas.DecontamMatch;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Decontamination on a MiniCluster over generated samples with pages planted from the fixture benchmarks. */
class DecontamITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  @TempDir static Path dir;
  static Map<String, JsonNode> planted = new HashMap<>();

  @BeforeAll
  static void extract() throws Exception {
    SampleGenerator.generate(dir.resolve("samples"), SampleGenerator.Options.defaults());
    ExtractJob.run(InputResolver.resolve(List.of(dir.resolve("samples").toString())), dir.resolve("x"), MathsieveConfig.defaults(), Jobs.local(2), false);
    DecontamJob.buildIndex(List.of(dir.resolve("samples/benchmarks")), List.of(), DecontamConfig.defaults(), dir.resolve("bench.idx"));
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("samples/manifest.jsonl"))) {
      JsonNode m = json.readTree(line);
      if ("benchmark".equals(m.at("/planted/kind").asText())) {
        planted.put(m.get("url").asText(), m);
      }
    }
  }


  // Each planted page ends as planned (the near miss is kept), no other page is touched, and each
  // audit row names the planted benchmark and item.
  @Test
  void plantedItemsRemovedWithAudit() throws Exception {
    DecontamReport r = DecontamJob.run(() -> Stores.PAGES, TextDocument.class, new PagesAdapter(), dir.resolve("x/pages"),
        dir.resolve("d"), dir.resolve("bench.idx"), DecontamConfig.defaults(), Jobs.local(2), false);
    assertThat(planted).hasSize(8);
    Map<String, String> rejected = StoreReader.readAll(Stores.REJECTIONS, FlinkFiles.of(dir.resolve("d/rejections"))).stream()
        .collect(Collectors.toMap(Rejection::url, Rejection::key));
    Map<String, String> expected = new HashMap<>();
    planted.forEach((url, m) -> {
      if (!m.get("expect_decontam").asText().equals("page")) {
        expected.put(url, m.get("expect_decontam").asText());
      }
    });
    assertThat(rejected).isEqualTo(expected);
    List<DecontamMatch> matches = StoreReader.readAll(Stores.DECONTAM_MATCHES, FlinkFiles.of(dir.resolve("d/decontam_matches")));
    assertThat(matches).hasSize(7).allSatisfy(m -> {
      JsonNode p = planted.get(m.url());
      assertThat(m.benchmark()).isEqualTo(p.at("/planted/benchmark").asText());
      assertThat(m.itemId()).isEqualTo(p.at("/planted/item").asText());
      assertThat(m.action()).isEqualTo("dropped");
      assertThat(m.matchedText()).isNotBlank();
    });
    assertThat(r.removed()).isEqualTo(7);
    assertThat(r.kept()).isEqualTo(r.documents() - 7);
    JsonNode report = new ObjectMapper().readTree(dir.resolve("d/decontam-report.json").toFile());
    Map<String, JsonNode> byName = new HashMap<>();
    report.get("benchmarks").forEach(b -> byName.put(b.get("benchmark").asText(), b));
    assertThat(byName.get("gsm8k").get("items_indexed").asInt()).isEqualTo(8);
    assertThat(byName.get("gsm8k").get("items_found").asInt()).isEqualTo(3);
    assertThat(byName.get("gsm8k").get("documents_removed").asInt()).isEqualTo(3);
    assertThat(byName.get("arith").get("documents_removed").asInt()).isEqualTo(1);
    assertThat(byName.get("mmlu").get("items_found").asInt()).isZero();
    try (Duck duck = new Duck()) {
      assertThat(duck.count("SELECT count(*) FROM " + Duck.store(dir.resolve("d/decontam_matches")) + " WHERE match_kind = 'exact'")).isEqualTo(1);
    }
  }

  // One index per process, whatever the number of subtasks using it.
  @Test
  void indexLoadedOncePerProcess() {
    String location = dir.resolve("bench.idx").toAbsolutePath().toString();
    assertThat(IndexCache.get(location)).isSameAs(IndexCache.get(location));
  }

  // Report-only mode keeps every document and records the same matches.
  @Test
  void reportOnly() throws Exception {
    DecontamConfig report = new DecontamConfig(10, 3, DecontamConfig.Mode.REPORT, 10, DecontamConfig.defaults().values());
    DecontamReport r = DecontamJob.run(() -> Stores.PAGES, TextDocument.class, new PagesAdapter(), dir.resolve("x/pages"),
        dir.resolve("report"), dir.resolve("bench.idx"), report, Jobs.local(2), false);
    assertThat(r.kept()).isEqualTo(r.documents());
    assertThat(StoreReader.readAll(Stores.DECONTAM_MATCHES, FlinkFiles.of(dir.resolve("report/decontam_matches"))))
        .hasSize(7).allSatisfy(m -> assertThat(m.action()).isEqualTo("reported"));
    assertThat(StoreReader.files(FlinkFiles.of(dir.resolve("report/rejections")))).isEmpty();
  }
}

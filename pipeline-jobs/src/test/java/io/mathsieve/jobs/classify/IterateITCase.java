package io.mathsieve.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.classifiers.iterate.TokenCounter;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.samples.SampleGenerator;
import io.mathsieve.schemas.ScoredDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iterative classifier on a MiniCluster over the generated samples: a math domain whose plain-text
 * pages the first model partly misses is found as a math domain, its URL pattern is mined, and the
 * second iteration recovers its pages.
 */
class IterateITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  @TempDir static Path dir;
  static MathsieveConfig config;
  static IterateDriver.Result result;
  static final List<String> log = new ArrayList<>();

  static final String HARD = "www.homework-answers.example.com";

  @BeforeAll
  static void loop() throws Exception {
    SampleGenerator.generate(dir.resolve("s"), SampleGenerator.Options.defaults());
    ExtractJob.run(InputResolver.resolve(List.of(dir.resolve("s/warc").toString())), dir.resolve("x"), MathsieveConfig.defaults(), Jobs.local(2), false);
    Path demoConf = Path.of(System.getProperty("mathsieve.root", "..")).resolve("samples/demo.conf");
    // Text only: this is the loop's own recall mechanism (domains, patterns, seed growth) on plain-text
    // math pages. With the math signals on, the first model already rejects every page without
    // formulas, which is what an all-TeX seed teaches it; then no pattern of plain-text pages is mined.
    config = MathsieveConfig.from(Settings.read(demoConf).with("iterate.max-iterations", "2", "test").with("classify.signals", "false", "test"));
    result = IterateDriver.run(new IterateDriver.Request(FlinkFiles.of(dir.resolve("x/pages")),
        new IterateDriver.Examples(List.of(dir.resolve("s/seed/openwebmath-sample.jsonl")), List.of(dir.resolve("s/negatives.jsonl")), null,
            dir.resolve("s/labels.tsv")), FlinkFiles.of(dir.resolve("w")), config.classifier(), config.iterate(), TokenCounter.ESTIMATE,
        new IterateDriver.Options(Jobs.local(2), false, log::add)));
  }

  static double hardRecall(int iteration) throws Exception {
    List<ScoredDocument> scores = StoreReader.readAll(Stores.SCORES,
        new org.apache.flink.core.fs.Path(dir.resolve("w/iterations/iter-" + iteration + "/scores").toUri()));
    long total = scores.stream().filter(s -> s.url().contains(HARD + "/questions/")).count();
    long got = scores.stream().filter(s -> s.url().contains(HARD + "/questions/") && s.score() >= 0.5).count();
    assertThat(total).isEqualTo(50);
    return (double) got / total;
  }

  static JsonNode summary(int iteration) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("w/iterations/iter-" + iteration + "/summary.json").toFile());
  }

  // Iteration 1 misses most plain-text homework pages, but collects enough of the domain to call it
  // a math domain and to mine its /questions pattern, whose missed pages join the seed.
  @Test
  void domainDiscoveryAndPatternMining() throws Exception {
    JsonNode s1 = summary(1);
    assertThat(hardRecall(1)).isLessThan(0.6);
    assertThat(s1.get("accepted_patterns")).extracting(JsonNode::asText).contains("homework-answers.example.com/questions");
    assertThat(s1.get("top_math_domains")).extracting(d -> d.get("domain").asText()).contains(HARD);
    assertThat(s1.get("pattern_positives_added").asLong()).isGreaterThan(15);
    JsonNode patterns = new ObjectMapper().readTree(dir.resolve("w/iterations/iter-1/patterns.json").toFile());
    JsonNode hw = null;
    for (JsonNode p : patterns) {
      if (p.get("pattern").asText().equals("homework-answers.example.com/questions")) {
        hw = p;
      }
    }
    assertThat(hw.get("pages").asLong()).isEqualTo(50);
    assertThat(hw.get("source").asText()).isEqualTo("mined");
  }

  // Iteration 2, trained with those pages, recovers the domain: recall on it and overall grows, precision stays high.
  @Test
  void secondIterationRecoversRecall() throws Exception {
    assertThat(hardRecall(2)).isGreaterThan(0.9).isGreaterThan(hardRecall(1));
    JsonNode s1 = summary(1);
    JsonNode s2 = summary(2);
    assertThat(s2.get("recall").asDouble()).isGreaterThan(s1.get("recall").asDouble());
    assertThat(s2.get("precision").asDouble()).isGreaterThan(0.9);
    assertThat(s2.at("/training/pattern_positives").asLong()).isEqualTo(s1.get("pattern_positives_added").asLong());
    assertThat(s2.get("new_pages").asLong()).isPositive();
    assertThat(s2.get("stopped").asText()).isEqualTo("iteration limit");
    assertThat(log.get(0)).as("what the seed is, by file").isEqualTo("seed: 240 documents in openwebmath-sample.jsonl");
    List<String> iterations = log.subList(1, log.size());
    assertThat(iterations).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("iteration "));
    assertThat(iterations.get(0)).contains("fastText validation on").contains("AUC 1.000");
    assertThat(s1.at("/training/plan/epoch").asInt()).as("raised from demo.conf's 25").isGreaterThan(25);
    assertThat(s1.get("threshold").asDouble()).as("chosen on the held-out examples").isEqualTo(s1.at("/training/validation/threshold").asDouble(),
        org.assertj.core.api.Assertions.within(1e-4));
  }

  // Every artifact is there, and the loop summary names the final model.
  @Test
  void artifacts() throws Exception {
    for (String f : List.of("model.bin", "training.json", "scores", "collected", "domains", "patterns", "patterns.json", "summary.json")) {
      assertThat(dir.resolve("w/iterations/iter-1/" + f)).exists();
    }
    JsonNode loop = new ObjectMapper().readTree(dir.resolve("w/iterations.json").toFile());
    assertThat(loop.get("iterations")).hasSize(2);
    assertThat(loop.get("final_model").asText()).isEqualTo(FlinkFiles.local(result.model()).toString());
    // What the loop wrote reads back as what it returned: the build reuses an iterate stage from it.
    assertThat(JobSummary.read(loop, LoopSummary.class, "iterations.json")).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class).isEqualTo(result.summary());
    assertThat(JobSummary.read(summary(2), IterationSummary.class, "summary.json")).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
        .isEqualTo(result.summary().iterations().get(1));
    assertThat(StoreReader.readAll(Stores.SCORES, new org.apache.flink.core.fs.Path(result.scores().toUri())))
        .allSatisfy(s -> assertThat(s.modelVersion()).isEqualTo(result.modelVersion()));
  }

  // DeepSeekMath's 3 epochs at lr 0.1 on this small seed learn nothing: the loop stops with a one-line
  // error before it collects, mines domains or grows the seed, and says so in iterations.json.
  @Test
  void degenerateModelStopsTheLoop() throws Exception {
    MathsieveConfig dsm = MathsieveConfig.from(Settings.read(Path.of(System.getProperty("mathsieve.root", "..")).resolve("samples/demo.conf"))
        .with("classify.epoch", "3", "test").with("classify.min-token-updates", "0", "test").with("classify.signals", "false", "test"));
    Path w = dir.resolve("degenerate");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> IterateDriver.run(new IterateDriver.Request(FlinkFiles.of(dir.resolve("x/pages")),
            new IterateDriver.Examples(List.of(dir.resolve("s/seed/openwebmath-sample.jsonl")), List.of(dir.resolve("s/negatives.jsonl")), null,
                null), FlinkFiles.of(w), dsm.classifier(), dsm.iterate(), TokenCounter.ESTIMATE, new IterateDriver.Options(Jobs.local(2), false, s -> {}))))
        .isInstanceOf(io.mathsieve.jobs.run.UserError.class)
        .hasMessageStartingWith("iteration 1: the model gives every validated page about the same score")
        .hasMessageContaining("nothing was collected").hasMessageContaining("for 3 epochs");
    assertThat(w.resolve("iterations/iter-1/collected")).doesNotExist();
    assertThat(w.resolve("iterations/iter-1/pattern-positives")).doesNotExist();
    JsonNode loop = new ObjectMapper().readTree(w.resolve("iterations.json").toFile());
    assertThat(loop.get("stopped").asText()).isEqualTo("degenerate model in iteration 1");
    assertThat(loop.get("iterations")).as("no iteration finished").isEmpty();
    assertThat(loop.at("/degenerate/stopped").asText()).startsWith("degenerate model: ");
    // The stopped iteration's summary names its model and carries what it trained on and how it validated.
    assertThat(loop.at("/degenerate/iteration").asInt()).isEqualTo(1);
    assertThat(loop.at("/degenerate/model_version").asText()).hasSize(16);
    assertThat(loop.at("/degenerate/training/plan/epoch").asInt()).isEqualTo(3);
    assertThat(loop.at("/degenerate/training/validation/auc").isNumber()).isTrue();
    assertThat(new ObjectMapper().readTree(w.resolve("iterations/iter-1/summary.json").toFile())).isEqualTo(loop.at("/degenerate"));
  }

  // The same inputs give the same model and scores.
  @Test
  void deterministic() throws Exception {
    MathsieveConfig one = MathsieveConfig.from(Settings.read(Path.of(System.getProperty("mathsieve.root", "..")).resolve("samples/demo.conf"))
        .with("iterate.max-iterations", "1", "test").with("classify.signals", "false", "test"));
    IterateDriver.Result again = IterateDriver.run(new IterateDriver.Request(FlinkFiles.of(dir.resolve("x/pages")),
        new IterateDriver.Examples(List.of(dir.resolve("s/seed/openwebmath-sample.jsonl")), List.of(dir.resolve("s/negatives.jsonl")), null,
            null), FlinkFiles.of(dir.resolve("again")), one.classifier(), one.iterate(), TokenCounter.ESTIMATE,
        new IterateDriver.Options(Jobs.local(2), false, s -> {})));
    assertThat(again.modelVersion()).isEqualTo(summary(1).get("model_version").asText());
    Map<String, Double> a = new java.util.HashMap<>();
    StoreReader.forEach(Stores.SCORES, new org.apache.flink.core.fs.Path(dir.resolve("w/iterations/iter-1/scores").toUri()), s -> a.put(s.docId(), s.score()));
    Map<String, Double> b = new java.util.HashMap<>();
    StoreReader.forEach(Stores.SCORES, new org.apache.flink.core.fs.Path(again.scores().toUri()), s -> b.put(s.docId(), s.score()));
    assertThat(b).isEqualTo(a);
    assertThat(Files.exists(dir.resolve("again/iterations/iter-1/pattern-positives"))).isFalse();
  }
}

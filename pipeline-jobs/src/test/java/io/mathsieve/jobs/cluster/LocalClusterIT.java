package io.mathsieve.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.build.BuildDriver;
import io.mathsieve.jobs.build.BuildITCase;
import io.mathsieve.jobs.cli.Main;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.samples.SampleGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Flink session cluster on loopback (deploy/local-cluster.sh: a JobManager and two
 * TaskManagers, three JVMs), the whole build submitted to it at parallelism 2 through the REST API,
 * and the corpus compared with the same build on a MiniCluster. Needs the job jar
 * ({@code ./mvnw -B package}); run by the {@code cluster} profile from {@code .ci/run}.
 */
class LocalClusterIT {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String REST = "http://localhost:8081";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  @BeforeAll
  static void up() throws Exception {
    assertThat(ROOT.resolve("pipeline-jobs/target/mathsieve-jobs.jar")).as("the job jar: run ./mvnw -B -DskipTests package first").exists();
    script("down"); // a cluster left over by an interrupted run
    assertThat(script("up")).as("deploy/local-cluster.sh up").isZero();
  }

  @AfterAll
  static void down() throws Exception {
    script("down");
  }

  static int script(String action) throws Exception {
    Process p = new ProcessBuilder("bash", ROOT.resolve("deploy/local-cluster.sh").toString(), action).directory(ROOT.toFile()).inheritIO().start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return p.exitValue();
  }

  static JsonNode rest(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(REST + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void theBuildOnTwoTaskManagersGivesTheCorpusOfAMiniClusterRun() throws Exception {
    Path samples = dir.resolve("samples");
    SampleGenerator.generate(samples, SampleGenerator.Options.defaults());
    Path conf = ROOT.resolve("samples/demo.conf");
    List<String> args = List.of("build", "--input", samples.resolve("warc").toString(), "--seed", samples.resolve("seed/openwebmath-sample.jsonl").toString(),
        "--negatives", samples.resolve("negatives.jsonl").toString(), "--benchmarks", samples.resolve("benchmarks").toString(), "--config",
        conf.toString(), "--parallelism", "2", "--quiet");
    List<String> submit = new ArrayList<>(List.of("submit", "--jobmanager", "localhost:8081", "--jar",
        ROOT.resolve("pipeline-jobs/target/mathsieve-jobs.jar").toString()));
    submit.addAll(args);
    submit.addAll(List.of("--output", dir.resolve("cluster").toString()));
    assertThat(Main.run(submit.toArray(String[]::new))).isZero();

    // The jobs ran on the cluster, across both TaskManagers.
    JsonNode jobs = rest("/jobs/overview").get("jobs");
    assertThat(jobs.size()).isGreaterThanOrEqualTo(10);
    Set<String> taskManagers = new HashSet<>();
    for (JsonNode job : jobs) {
      assertThat(job.get("state").asText()).isEqualTo("FINISHED");
      if (job.get("name").asText().equals("mathsieve extract")) {
        for (JsonNode v : rest("/jobs/" + job.get("jid").asText()).get("vertices")) {
          for (JsonNode tm : rest("/jobs/" + job.get("jid").asText() + "/vertices/" + v.get("id").asText() + "/taskmanagers").get("taskmanagers")) {
            taskManagers.add(tm.get("taskmanager-id").asText());
          }
        }
      }
    }
    assertThat(taskManagers).containsExactlyInAnyOrder("tm-1", "tm-2");

    // The same build on a MiniCluster writes byte-identical corpus files.
    BuildDriver.run(new BuildDriver.Request(BuildDriver.Inputs.sampleSet(samples, null),
        MathsieveConfig.from(Settings.read(conf)), dir.resolve("local"), new BuildDriver.Options(Jobs.local(2), 0, false, line -> {})));
    assertThat(BuildITCase.checksums(dir.resolve("cluster"))).isEqualTo(BuildITCase.checksums(dir.resolve("local"))).isNotEmpty();
    assertThat(JSON.readTree(dir.resolve("cluster/run.json").toFile()).at("/accounting/balanced").asBoolean()).isTrue();
  }
}

package io.mathsieve.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.jobs.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * The deployment files agree with the build: valid YAML, the image the Dockerfile makes, the jar
 * where the Dockerfile puts it, the real entry class, a real command with options it accepts, and
 * the Flink version of the pom. (No Docker engine or Kubernetes runs here: this is what can be
 * checked without them.)
 */
class DeployManifestsTest {
  static final Path DEPLOY = Path.of("..", "deploy");

  static List<Object> yaml(Path file) throws Exception {
    List<Object> docs = new ArrayList<>();
    new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file)).forEach(docs::add);
    return docs;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String key) {
    return (Map<String, Object>) ((Map<String, Object>) o).get(key);
  }

  static String dockerfileJarPath() throws Exception {
    Matcher m = Pattern.compile("COPY pipeline-jobs/target/mathsieve-jobs.jar (\\S+)").matcher(Files.readString(DEPLOY.resolve("Dockerfile")));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theDockerfileUsesThePomsFlinkVersionAndPutsTheJarInLib() throws Exception {
    String docker = Files.readString(DEPLOY.resolve("Dockerfile"));
    Matcher flink = Pattern.compile("<flink.version>([^<]+)</flink.version>").matcher(Files.readString(Path.of("..", "pom.xml")));
    assertThat(flink.find()).isTrue();
    assertThat(docker).contains("FROM flink:" + flink.group(1) + "-java17");
    assertThat(dockerfileJarPath()).isEqualTo("/opt/flink/lib/mathsieve-jobs.jar");
    assertThat(docker).contains("MATHSIEVE_NO_EXIT=1");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFlinkDeploymentRunsARealCommandFromTheImagesJar() throws Exception {
    List<Object> docs = yaml(DEPLOY.resolve("k8s/mathsieve-build.yaml"));
    assertThat(docs).hasSize(1);
    Map<String, Object> d = (Map<String, Object>) docs.get(0);
    assertThat(d.get("apiVersion")).isEqualTo("flink.apache.org/v1beta1");
    assertThat(d.get("kind")).isEqualTo("FlinkDeployment");
    Map<String, Object> spec = map(d, "spec");
    assertThat(spec.get("image")).isEqualTo(composeImage());
    assertThat(spec.get("flinkVersion")).isEqualTo("v2_2");
    assertThat(map(spec, "flinkConfiguration")).containsEntry("classloader.resolve-order", "parent-first");
    Map<String, Object> job = map(spec, "job");
    assertThat(job.get("entryClass")).isEqualTo(Main.class.getName());
    assertThat(job.get("jarURI")).isEqualTo("local://" + dockerfileJarPath());
    List<String> args = (List<String>) job.get("args");
    // The arguments parse as the command line they are: a known command with known options.
    CommandLine cli = new CommandLine(new io.mathsieve.jobs.cli.MathsieveCommand());
    CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("build");
    assertThat(parsed.subcommand().unmatched()).isEmpty();
    // The volume the driver writes to is mounted.
    Map<String, Object> container = ((List<Map<String, Object>>) map(map(spec, "podTemplate"), "spec").get("containers")).get(0);
    assertThat((List<Map<String, Object>>) container.get("volumeMounts")).anySatisfy(v -> assertThat(v).containsEntry("mountPath", "/data"));
    assertThat(args).anySatisfy(a -> assertThat(a).startsWith("/data/runs/"));
    assertThat(yaml(DEPLOY.resolve("k8s/shared-volume.yaml"))).singleElement()
        .satisfies(v -> assertThat(((Map<String, Object>) v).get("kind")).isEqualTo("PersistentVolumeClaim"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theIncrementalDeploymentIsAStreamingJobWithRocksDbAndARealCommandLine() throws Exception {
    Map<String, Object> d = (Map<String, Object>) yaml(DEPLOY.resolve("k8s/mathsieve-incremental.yaml")).get(0);
    Map<String, Object> spec = map(d, "spec");
    assertThat(spec.get("image")).isEqualTo(composeImage());
    assertThat(map(spec, "flinkConfiguration")).containsEntry("state.backend.type", "rocksdb").containsEntry("execution.runtime-mode", "STREAMING")
        .containsEntry("classloader.resolve-order", "parent-first");
    Map<String, Object> job = map(spec, "job");
    assertThat(job.get("entryClass")).isEqualTo(Main.class.getName());
    assertThat(job.get("jarURI")).isEqualTo("local://" + dockerfileJarPath());
    assertThat(job.get("upgradeMode")).isEqualTo("savepoint");
    List<String> args = (List<String>) job.get("args");
    CommandLine.ParseResult parsed = new CommandLine(new io.mathsieve.jobs.cli.MathsieveCommand()).parseArgs(args.toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("incremental");
    assertThat(parsed.subcommand().unmatched()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static String composeImage() throws Exception {
    Map<String, Object> compose = (Map<String, Object>) yaml(DEPLOY.resolve("compose.yaml")).get(0);
    return (String) map(map(compose, "services"), "jobmanager").get("image");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theComposeFileBuildsTheImageAndRunsFlinkAndKafka() throws Exception {
    Map<String, Object> compose = (Map<String, Object>) yaml(DEPLOY.resolve("compose.yaml")).get(0);
    Map<String, Object> services = map(compose, "services");
    assertThat(services).containsKeys("jobmanager", "taskmanager", "kafka");
    Map<String, Object> build = map(services.get("jobmanager"), "build");
    assertThat(DEPLOY.resolve((String) build.get("context")).resolve((String) build.get("dockerfile")).normalize()).isEqualTo(
        DEPLOY.resolve("Dockerfile").normalize());
    assertThat(map(services, "taskmanager").get("image")).isEqualTo(composeImage());
    assertThat((String) map(map(services, "taskmanager"), "environment").get("FLINK_PROPERTIES")).contains("classloader.resolve-order: parent-first");
  }

  @Test
  void theLocalClusterConfigurationIsValidYaml() throws Exception {
    assertThat(yaml(DEPLOY.resolve("conf/config.yaml"))).singleElement().isInstanceOf(Map.class);
  }
}

package io.mathsieve.jobs.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.source.LoopbackS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.RecoverableFsDataOutputStream;
import org.apache.flink.core.fs.RecoverableWriter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build --output s3://...} against an S3-compatible server on loopback, for a cluster
 * without a shared file system: every stage store, marker, the corpus, the manifest, run.json and
 * the report go through Flink's S3 file system, and the corpus is the one a local build writes.
 */
class S3OutputITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  static final Path SAMPLES = Path.of(System.getProperty("mathsieve.root", "..")).resolve("samples");

  static LoopbackS3 s3;
  @TempDir static Path confDir;
  @TempDir Path dir;

  static BuildDriver.Request request(org.apache.flink.core.fs.Path output, boolean fresh) throws Exception {
    MathsieveConfig config = MathsieveConfig.from(Settings.read(SAMPLES.resolve("demo.conf")));
    return new BuildDriver.Request(BuildDriver.Inputs.sampleSet(SAMPLES, SAMPLES.resolve("labels.tsv")), config, output, new BuildDriver.Options(Jobs.local(2), 0, fresh, line -> {}));
  }

  @Test
  void aBuildOntoS3WritesTheCorpusALocalBuildWrites() throws Exception {
    BuildDriver.Result local = BuildDriver.run(request(FlinkFiles.of(dir.resolve("local")), true));
    org.apache.flink.core.fs.Path remote = FlinkFiles.location("s3://corpora/runs/demo");
    BuildDriver.Result onS3 = BuildDriver.run(request(remote, true));

    JsonNode localManifest = FlinkFiles.readJson(local.manifest());
    JsonNode s3Manifest = FlinkFiles.readJson(onS3.manifest());
    assertThat(onS3.manifest().toString()).isEqualTo("s3://corpora/runs/demo/manifest.json");
    assertThat(localManifest.at("/totals/rows").asLong()).isPositive();
    assertThat(s3Manifest.get("totals")).isEqualTo(localManifest.get("totals"));
    assertThat(checksums(s3Manifest)).isEqualTo(checksums(localManifest)).hasSize(localManifest.get("files").size());
    Map<String, Long> keys = s3.keys("runs/demo/");
    for (JsonNode f : s3Manifest.get("files")) { // every file the manifest lists is on S3, with its size
      assertThat(keys).containsEntry("runs/demo/" + f.get("path").asText(), f.get("bytes").asLong());
    }
    assertThat(keys).containsKeys("runs/demo/run.json", "runs/demo/report.html", "runs/demo/stages/export.done.json",
        "runs/demo/stages/benchmarks.idx",
        // the seed and negatives, which the TaskManagers read, are uploaded beside the stage
        "runs/demo/stages/iterate/inputs/seed-0-openwebmath-sample.jsonl", "runs/demo/stages/iterate/inputs/negatives-0-negatives.jsonl");
    assertThat(keys.keySet()).anyMatch(k -> k.startsWith("runs/demo/rejections/extract/"));
    assertThat(onS3.summary().accounting().balanced()).isTrue();
    assertThat(onS3.summary().funnel()).isEqualTo(local.summary().funnel());
    String model = onS3.summary().stages().get("iterate").summary().get("model").asText();
    assertThat(model).matches("iterations/iter-\\d+/model\\.(bin|ftz)")
        .isEqualTo(local.summary().stages().get("iterate").summary().get("model").asText());
    assertThat(keys).containsKey("runs/demo/stages/iterate/" + model);

    // Run again: every stage is found done through its marker on S3, and nothing is rewritten.
    BuildDriver.Result again = BuildDriver.run(request(remote, false));
    assertThat(again.skipped()).containsExactlyElementsOf(BuildDriver.STAGES);
    assertThat(checksums(FlinkFiles.readJson(again.manifest()))).isEqualTo(checksums(localManifest));
  }

  /** Each corpus file's path and SHA-256, as the manifest lists them. */
  static Map<String, String> checksums(JsonNode manifest) {
    Map<String, String> out = new TreeMap<>();
    manifest.get("files").forEach(f -> out.put(f.get("path").asText(), f.get("sha256").asText()));
    return out;
  }

  @BeforeAll
  static void start() throws Exception {
    s3 = new LoopbackS3("corpora");
    s3.serveFlinksS3(confDir);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Test
  void theLoopbackServerTakesWhatFlinksFileSystemWrites() throws Exception {
    org.apache.flink.core.fs.Path dir = new org.apache.flink.core.fs.Path("s3://corpora/t/dir");
    FileSystem fs = dir.getFileSystem();
    fs.mkdirs(dir);
    org.apache.flink.core.fs.Path a = new org.apache.flink.core.fs.Path(dir, "a.txt");
    try (FSDataOutputStream out = fs.create(a, FileSystem.WriteMode.OVERWRITE)) {
      out.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    org.apache.flink.core.fs.Path b = new org.apache.flink.core.fs.Path(dir, "b.txt");
    assertThat(fs.rename(a, b)).isTrue();
    assertThat(fs.exists(a)).isFalse();
    try (var in = fs.open(b)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
    RecoverableWriter w = fs.createRecoverableWriter();
    RecoverableFsDataOutputStream r = w.open(new org.apache.flink.core.fs.Path(dir, "c.bin"));
    r.write(new byte[3 << 20]);
    r.closeForCommit().commit();
    assertThat(fs.getFileStatus(new org.apache.flink.core.fs.Path(dir, "c.bin")).getLen()).isEqualTo(3 << 20);
    assertThat(fs.listStatus(dir)).hasSize(2);
    assertThat(fs.delete(dir, true)).isTrue();
    assertThat(fs.exists(b)).isFalse();
  }
}

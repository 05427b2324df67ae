package io.mathsieve.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.config.Settings;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s3://} inputs through Flink's S3 file system (flink-s3-fs-hadoop, Hadoop's S3A client)
 * against an S3-compatible server on loopback: a prefix is listed recursively, every WARC file under
 * it is read with signed range requests, and the pages are those of the same files read locally.
 */
class S3InputsITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  static LoopbackS3 s3;
  @TempDir static Path confDir;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LoopbackS3("crawl", "crawl-data/SAMPLE/segments/1/warc/", HttpInputsITCase.SAMPLES);
    s3.serveFlinksS3(confDir);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Test
  void aPrefixOnS3ReadsLikeTheSameFilesOnDisk() throws Exception {
    MathsieveConfig config = MathsieveConfig.from(Settings.empty());
    List<WarcSplit> remote = InputResolver.resolve(List.of("s3://crawl/crawl-data/SAMPLE/"), config.warc());
    List<WarcSplit> local = InputResolver.resolve(List.of(HttpInputsITCase.SAMPLES.toString()));
    assertThat(remote).hasSameSizeAs(local).isNotEmpty();
    assertThat(remote).allSatisfy(s -> assertThat(s.location()).startsWith("s3://crawl/crawl-data/SAMPLE/segments/1/warc/CC-SAMPLE-"));

    ExtractSummary fromS3 = ExtractJob.run(remote, dir.resolve("s3"), config, Jobs.local(2), false);
    ExtractJob.run(local, dir.resolve("local"), config, Jobs.local(2), false);
    assertThat(HttpInputsITCase.texts(dir.resolve("s3"))).isEqualTo(HttpInputsITCase.texts(dir.resolve("local"))).isNotEmpty();
    assertThat(fromS3.accounting().balanced()).isTrue();
    assertThat(s3.log()).as("requests").anySatisfy(r -> assertThat(r).startsWith("GET /crawl/crawl-data/SAMPLE/segments/1/warc/CC-SAMPLE-")
        .endsWith("signed"));
  }

  @Test
  void aMissingKeyOrAnEmptyPrefixIsOneLineForTheUser() {
    assertThatThrownBy(() -> InputResolver.resolve(List.of("s3://crawl/crawl-data/NOPE/x.warc.gz")))
        .isInstanceOf(UserError.class).hasMessage("input s3://crawl/crawl-data/NOPE/x.warc.gz does not exist");
    assertThatThrownBy(() -> InputResolver.resolve(List.of("s3://crawl/crawl-data/NOPE/")))
        .isInstanceOf(UserError.class).hasMessageStartingWith("input s3://crawl/crawl-data/NOPE/ does not exist");
  }
}

package io.mathsieve.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.source.InputResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Progress lines while a job runs, and their format. */
class JobRunnerITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  @TempDir Path dir;

  @Test
  void aRunningJobReportsItsProgress() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    ExtractSummary s = ExtractJob.run(InputResolver.resolve(List.of(Path.of("..", "samples", "warc").toString())), dir.resolve("x"),
        MathsieveConfig.defaults(), new Jobs(1, ClusterTarget.LOCAL, new Progress(lines::add, false, Duration.ofMillis(200))), false);
    assertThat(s.pages()).isPositive();
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).matches("extract: \\d+/6 WARC files, [\\d,]+ records, [\\d,]+ records/s, "
        + "\\d:\\d\\d:\\d\\d elapsed(, ETA \\d:\\d\\d:\\d\\d)?"));
  }

  @Test
  void theLineShowsFilesRateAndEta() {
    Map<String, Object> acc = Map.of("warc.files", 2L, "extract.total", 3000L, "extract.forwarded", 2900L);
    assertThat(JobRunner.line("mathsieve extract", acc, 8, 10.0))
        .isEqualTo("extract: 2/8 WARC files, 3,000 records, 300 records/s, 0:00:10 elapsed, ETA 0:00:30");
    assertThat(JobRunner.line("mathsieve export", Map.of("export.rows", 12L), 0, 3723.0))
        .isEqualTo("export: 12 records, 0 records/s, 1:02:03 elapsed");
  }
}

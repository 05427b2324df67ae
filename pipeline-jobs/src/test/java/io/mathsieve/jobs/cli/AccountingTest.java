package io.mathsieve.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.jobs.build.BuildSummary;
import io.mathsieve.jobs.extract.ExtractSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The accounting invariant as an exit code: a run that lost records fails, naming how many and where. */
class AccountingTest {
  @Test
  void unbalancedExtractFailsWithTheMissingCountPerFile() throws Exception {
    ExtractSummary run = extract(new ExtractSummary.Accounting(746, 715, false,
        List.of(new ExtractSummary.UnbalancedFile("clueweb.warc.gz", 30, 1))));
    StringBuilder err = new StringBuilder();
    assertThat(capturingErr(() -> Accounting.check(run), err)).isEqualTo(1);
    assertThat(err.toString()).contains("mathsieve extract: 31 records unaccounted for").contains("clueweb.warc.gz: 30 records, 1 pages and rejections");
  }

  @Test
  void unbalancedBuildFails() throws Exception {
    BuildSummary build = new BuildSummary("build", "out", "t", 1, new BuildSummary.Funnel(1, 10, 9, 9, List.of(), 5, 5, 5, 5, 50), Map.of(),
        new BuildSummary.Accounting(10, 9, false), Map.of(), "x", Map.of(), "fp");
    StringBuilder err = new StringBuilder();
    assertThat(capturingErr(() -> Accounting.check(build), err)).isEqualTo(1);
    assertThat(err.toString()).contains("mathsieve build: 1 records unaccounted for");
  }

  @Test
  void balancedRunPasses() throws Exception {
    assertThat(Accounting.check(extract(new ExtractSummary.Accounting(5, 5, true, List.of())))).isZero();
  }

  private static ExtractSummary extract(ExtractSummary.Accounting a) {
    return new ExtractSummary("extract", "x", "out", "t", 1, 1, Map.of(), 0, Map.of(), 0, Map.of(), Map.of(), a, Map.of(), "fp");
  }

  private static int capturingErr(Callable<Integer> run, StringBuilder captured) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      return run.call();
    } finally {
      System.setErr(err);
      captured.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}

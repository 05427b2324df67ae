package io.mathsieve.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The accounting invariant as an exit code: a run that lost records fails, naming how many and where. */
class AccountingTest {
  @Test
  void unbalancedRunFailsWithTheMissingCount() throws Exception {
    JsonNode run = new ObjectMapper().readTree("{\"accounting\": {\"response_records_and_unreadable_regions\": 746, \"pages_plus_rejections\": 715,"
        + " \"balanced\": false, \"unbalanced_files\": [{\"file\": \"clueweb.warc.gz\", \"records_and_unreadable_regions\": 30, \"pages_plus_rejections\": 1}]}}");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Accounting.check("extract", run);
    } finally {
      System.setErr(err);
    }
    assertThat(code).isEqualTo(1);
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("31 records unaccounted for").contains("clueweb.warc.gz: 30 records, 1 pages and rejections");
  }

  @Test
  void balancedRunPasses() throws Exception {
    JsonNode run = new ObjectMapper().readTree("{\"accounting\": {\"response_records_and_unreadable_regions\": 5, \"pages_plus_rejections\": 5, \"balanced\": true}}");
    assertThat(Accounting.check("extract", run)).isZero();
  }
}

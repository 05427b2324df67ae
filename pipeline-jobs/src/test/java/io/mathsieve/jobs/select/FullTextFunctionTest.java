package io.mathsieve.jobs.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.config.Settings;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.Rejection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * A collected page whose full text cannot be re-read is a named rejection, never a short document.
 * (The successful re-read is checked end to end in BuildITCase.)
 */
class FullTextFunctionTest {
  static CorpusRow row(String warcFile, long offset) {
    return new CorpusRow("0123456789abcdef0123456789abcdef", "https://a.org/x", "a.org", "", "prefix", "en", 0.9, 1, 0, "",
        Instant.parse("2024-03-01T00:00:00Z"), warcFile, offset, "<urn:x>", 1, 0, "mathsieve-extract/1.0", "m", "");
  }

  @Test
  void unreadableFullTextsAreRejectedWithTheReason() throws Exception {
    Path sample = Path.of("..", "samples", "warc", "CC-SAMPLE-00000.warc.gz").toAbsolutePath();
    FullTextFunction f = new FullTextFunction(Map.of("CC-SAMPLE-00000.warc.gz", sample.toString(), "gone.warc.gz", "/no/such/gone.warc.gz"),
        WarcConfig.from(Settings.empty()), ExtractConfig.from(Settings.empty()));
    try (OneInputStreamOperatorTestHarness<Truncated, CorpusRow> h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(f))) {
      h.open();
      h.processElement(new StreamRecord<>(new Truncated(row("elsewhere.warc.gz", 0), 5000)));
      h.processElement(new StreamRecord<>(new Truncated(row("gone.warc.gz", 0), 5000)));
      h.processElement(new StreamRecord<>(new Truncated(row("CC-SAMPLE-00000.warc.gz", 0), 5000)));
      h.processElement(new StreamRecord<>(new Truncated(row("CC-SAMPLE-00000.warc.gz", 1L << 40), 5000)));
      assertThat(h.extractOutputValues()).isEmpty();
      List<Rejection> r = h.getSideOutput(SelectFunction.REJECTIONS).stream().map(StreamRecord::getValue).toList();
      assertThat(r).hasSize(4).allSatisfy(x -> assertThat(x.key()).isEqualTo("corpus/full_text_unavailable"));
      assertThat(r.get(0).detail()).isEqualTo("WARC file elsewhere.warc.gz is not among this run's inputs");
      assertThat(r.get(1).detail()).startsWith("cannot re-read gone.warc.gz at 0: ");
      assertThat(r.get(2).detail()).contains("is another document").contains("the WARC file changed");
      assertThat(r.get(3).detail()).startsWith("no readable response record at offset " + (1L << 40));
    }
  }
}

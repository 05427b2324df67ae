package io.mathsieve.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.dedup.DedupReason;
import io.mathsieve.schemas.FormulaCounts;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The URL/exact dedup operator under Flink's keyed operator test harness. */
class KeepLatestFunctionTest {

  static DedupCandidate candidate(String url, String recordId, String fetch, String key) {
    TextDocument d = new TextDocument(io.mathsieve.schemas.DocIds.of(url, recordId), url, "a.org", "", "text", 4, false, "en", 1,
        "UTF-8", "http", "v", FormulaCounts.NONE, false, "f.warc.gz", recordId.hashCode() & 0xffff, recordId, Instant.parse(fetch));
    return new DedupCandidate(d, key, "hash");
  }

  // Per key, the latest fetch is kept whatever the arrival order; ties go to the smaller record id;
  // every other capture is one rejection naming the kept page, emitted when the key completes.
  @Test
  void keepsLatestAndRejectsTheRest() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, DedupCandidate, DedupCandidate> h =
        new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new KeepLatestFunction(DedupReason.URL)),
            DedupCandidate::canonicalUrl, Types.STRING);
    h.open();
    DedupCandidate old = candidate("http://a.org/x", "<urn:1>", "2024-03-01T00:00:00Z", "k1");
    DedupCandidate latest = candidate("https://a.org/x#c", "<urn:2>", "2024-03-05T00:00:00Z", "k1");
    DedupCandidate middle = candidate("https://a.org/x?utm_source=y", "<urn:3>", "2024-03-03T00:00:00Z", "k1");
    DedupCandidate tieA = candidate("https://b.org/", "<urn:b>", "2024-03-01T00:00:00Z", "k2");
    DedupCandidate tieB = candidate("https://b.org/#x", "<urn:a>", "2024-03-01T00:00:00Z", "k2");
    DedupCandidate alone = candidate("https://c.org/", "<urn:c>", "2024-03-01T00:00:00Z", "k3");
    for (DedupCandidate c : List.of(old, latest, middle, tieA, tieB, alone)) {
      h.processElement(new StreamRecord<>(c));
    }
    assertThat(h.extractOutputValues()).as("nothing before the keys are complete").isEmpty();
    h.processWatermark(Long.MAX_VALUE);
    assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(latest, tieB, alone);
    List<Rejection> rejections = h.getSideOutput(KeepLatestFunction.REJECTIONS).stream().map(StreamRecord::getValue).toList();
    assertThat(rejections).extracting(Rejection::url).containsExactlyInAnyOrder(old.doc().url(), middle.doc().url(), tieA.doc().url());
    assertThat(rejections).allSatisfy(r -> assertThat(r.key()).isEqualTo("dedup/url"));
    assertThat(rejections).filteredOn(r -> r.url().equals(old.doc().url())).first()
        .satisfies(r -> assertThat(r.detail()).isEqualTo("duplicate of " + latest.doc().docId() + " " + latest.doc().url()));
    h.close();
  }
}

package io.mathsieve.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.dedup.DedupReason;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.schemas.FormulaCounts;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountsTest {
  // Summaries read the accumulators the stages wrote, by the same constants and reasons.
  @Test
  void readsCountsDropsAndLanguagesByTheirNames() {
    Map<String, Object> acc = new HashMap<>();
    acc.put("dedup.near.total", 12L);
    acc.put("dropped.dedup/near", 3L);
    acc.put("dropped.warc/unreadable_file", 1L);
    acc.put("extract.lang.en", 9L);
    acc.put("extract.lang.zh", 2L);
    acc.put("dedup.near.forwarded", "not a number");
    Counts counts = Counts.of(acc);
    assertThat(counts.get(Count.NEAR_TOTAL)).isEqualTo(12);
    assertThat(counts.get(Count.NEAR_FORWARDED)).isZero();
    assertThat(counts.get(Count.NEAR_CLUSTERS)).as("never counted").isZero();
    assertThat(counts.dropped(DedupReason.NEAR)).isEqualTo(3);
    assertThat(counts.dropped(DedupReason.URL)).isZero();
    assertThat(counts.dropped()).containsExactly(Map.entry("dedup/near", 3L), Map.entry("warc/unreadable_file", 1L));
    assertThat(counts.languages()).containsExactly(Map.entry("en", 9L), Map.entry("zh", 2L));
    assertThat(counts.dropped(WarcReason.UNREADABLE_FILE)).isEqualTo(1);
  }

  // Two constants with one name would add into one accumulator and be read twice.
  @Test
  void everyCounterHasItsOwnName() {
    assertThat(Arrays.stream(Count.values()).map(Count::metric)).doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat(n).matches("[a-z]+(\\.[a-z_]+)+").doesNotStartWith(StageCounters.DROPPED).doesNotStartWith(StageCounters.LANGUAGE));
  }

  // run.json's formulas object has one entry per kind the extractor counts: a new kind in
  // FormulaCounts without a counter fails here.
  @Test
  void everyFormulaKindHasACounter() {
    assertThat(Count.FORMULAS.stream().map(Count::member)).containsExactlyElementsOf(Arrays.stream(FormulaCounts.class.getRecordComponents())
        .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)).toList());
    assertThat(Count.WARC_RECORDS.stream().map(Count::member)).containsExactly("response", "request", "metadata", "warcinfo", "revisit", "other",
        "corrupt");
  }
}

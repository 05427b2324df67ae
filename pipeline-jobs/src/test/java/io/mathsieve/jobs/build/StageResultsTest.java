package io.mathsieve.jobs.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.build.Iterated.TokenRatesUsed;
import io.mathsieve.jobs.build.StageResults.Exported;
import io.mathsieve.jobs.build.StageResults.Selected;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.dedup.NearDedupSummary;
import io.mathsieve.jobs.classify.LoopSummaries;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.Count;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A skipped stage's result is read back from its marker: what was written must come back equal, under
 * the keys that {@code run.json}, the report and the manifest read.
 */
class StageResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void iterateRoundTripsUnderItsKeys() throws Exception {
    Iterated it = new Iterated("abc123", "iterations/iter-2/model.bin", new TokenRatesUsed("gpt2", 0.25, 0.9, 100, 7),
        LoopSummaries.loop(0.625, LoopSummaries.iteration(1, 9, 9, "a.example", "a.example/q"), LoopSummaries.iteration(2, 10, 1, "b.example", "b.example/q")));
    ObjectNode s = it.json();
    assertThat(s.fieldNames()).toIterable().containsExactly("model_version", "model", "token_rates", "loop");
    assertThat(s.at("/loop/final_iteration").asInt()).isEqualTo(2);
    assertThat(s.at("/loop/final_threshold").asDouble()).isEqualTo(0.625);
    assertThat(s.at("/token_rates/tokens_per_cjk_char").asDouble()).isEqualTo(0.9);
    assertThat(s.at("/loop/iterations/1/collected_pages").asLong()).isEqualTo(10);
    assertThat(s.at("/loop/iterations/0/precision").isNull()).as("written as null without labels, not left out").isTrue();
    // Through the marker's text and back, NaN quantiles and the arrays included.
    Iterated back = Iterated.read(roundTrip(s));
    assertThat(back).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class).isEqualTo(it);
    assertThat(back.loop().iterations().get(0).training().validation().math().p50()).isNaN();
    assertThat(back.collected()).containsExactly(new BuildSummary.Collected(1, 9, 900, 9), new BuildSummary.Collected(2, 10, 1000, 1));
    assertThat(back.classifier()).isEqualTo(new io.mathsieve.jobs.export.Manifest.Classifier("abc123", 2, 0.625));
  }

  // The loop's summary is read as strictly as the other stages' results: select reads the final
  // threshold, the funnel each iteration's pages, so a marker without them runs the stage again.
  @Test
  void aLoopSummaryWithAFieldMissingOrMistypedDoesNotRead() throws Exception {
    ObjectNode s = new Iterated("v", "m", new TokenRatesUsed("gpt2", 0.25, 0.9, 100, 7),
        LoopSummaries.loop(0.5, LoopSummaries.iteration(1, 9, 9, "a", "a/q"), LoopSummaries.iteration(2, 10, 1, "a", "a/q"))).json();
    ObjectNode noThreshold = s.deepCopy();
    ((ObjectNode) noThreshold.get("loop")).remove("final_threshold");
    assertThatThrownBy(() -> Iterated.read(noThreshold)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the iterate stage's marker does not read as Iterated").hasMessageContaining("'final_threshold'");
    ObjectNode noNewPages = s.deepCopy();
    ((ObjectNode) noNewPages.at("/loop/iterations/1")).remove("new_pages");
    assertThatThrownBy(() -> Iterated.read(noNewPages)).hasMessageContaining("at /loop/iterations/1").hasMessageContaining("'new_pages'");
    ObjectNode badRates = s.deepCopy();
    ((ObjectNode) badRates.get("token_rates")).put("tokens_per_char", "fast");
    assertThatThrownBy(() -> Iterated.read(badRates)).hasMessageContaining("at /token_rates/tokens_per_char");
    ObjectNode fractionOfPages = s.deepCopy();
    ((ObjectNode) fractionOfPages.at("/loop/iterations/0")).put("collected_pages", 8.5);
    assertThatThrownBy(() -> Iterated.read(fractionOfPages)).hasMessageContaining("at /loop/iterations/0/collected_pages");
  }

  private static ObjectNode roundTrip(ObjectNode n) throws Exception {
    return JSON.readValue(JSON.writeValueAsString(n), ObjectNode.class);
  }

  @Test
  void selectAndExportRoundTripUnderTheirKeys() throws Exception {
    Selected sel = new Selected(100, 40, 60, 3, 1, 123456);
    assertThat(sel.json().fieldNames()).toIterable()
        .containsExactly("pages", "collected", "not_collected", "full_text_reread", "full_text_unavailable", "text_bytes");
    assertThat(Selected.read(JSON.readValue(JSON.writeValueAsString(sel.json()), ObjectNode.class))).isEqualTo(sel);
    Exported ex = new Exported(39, 5000, 2, 2, 777);
    assertThat(ex.json().fieldNames()).toIterable().containsExactly("rows", "tokens", "files", "buckets", "bytes");
    assertThat(Exported.read(JSON.readValue(JSON.writeValueAsString(ex.json()), ObjectNode.class))).isEqualTo(ex);
  }

  // The jobs' own summaries come back from a marker as they were written. A marker whose summary
  // has a field missing (renamed in another version), a fraction for a count, or a field the record
  // does not know does not read, and the error names the field: the stage runs again instead of
  // handing a 0 to the funnel.
  @Test
  void jobSummariesReadBackStrictlyFromTheirMarkers() throws Exception {
    ExtractSummary ex = new ExtractSummary("extract", "x/1", "out", "2026-01-01T00:00:00Z", 1.5, 3, Map.of("response", 20L, "corrupt", 1L), 15,
        Map.of("katex", 2L), 4, Map.of("en", 15L), Map.of("dedup/url", 2L, "extract/empty_text", 4L),
        new ExtractSummary.Accounting(21, 21, true, List.of()), Map.of("extract.min-text-chars", "40"), "fp");
    assertThat(StageResults.extracted(roundTrip(ex.json()))).isEqualTo(ex);
    assertThat(ex.json().fieldNames()).toIterable().startsWith("command", "extractor_version", "output", "started", "duration_seconds",
        "input_files", "records", "pages");
    assertThat(ex.responseRecords()).isEqualTo(20);
    assertThat(ex.corruptRecords()).isEqualTo(1);
    assertThatThrownBy(() -> ex.records(Count.WARC_RECORDS_REVISIT)).hasMessageContaining("WARC_RECORDS_REVISIT");

    ObjectNode missing = ex.json();
    missing.remove("pages");
    assertThatThrownBy(() -> StageResults.extracted(missing)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the extract stage's marker does not read as ExtractSummary").hasMessageContaining("'pages'");
    ObjectNode fraction = ex.json();
    ((ObjectNode) fraction.get("accounting")).put("pages_plus_rejections", 20.5);
    assertThatThrownBy(() -> StageResults.extracted(fraction)).hasMessageContaining("at /accounting/pages_plus_rejections");
    ObjectNode unknown = ex.json();
    unknown.put("kept_pages", 15);
    assertThatThrownBy(() -> StageResults.extracted(unknown)).hasMessageContaining("kept_pages");

    NearDedupSummary near = new NearDedupSummary("dedup", "in", "out", "t", 2.0, "MinHash", Map.of("0.5", 0.053), 0.719, 0.5, 228, 220, 8, 8, 0, 67,
        0, false, null, null, 1, Map.of("dedup.near.bands", "14"), "fp");
    assertThat(StageResults.nearDeduped(roundTrip(near.json()))).isEqualTo(near);
    assertThat(near.json().has("pairs_exact_verified")).as("written as null when exact Jaccard is off").isTrue();
    ObjectNode renamed = near.json();
    renamed.set("kept_documents", renamed.remove("kept"));
    assertThatThrownBy(() -> StageResults.nearDeduped(renamed)).hasMessageContaining("kept");

    DecontamReport decontam = new DecontamReport("decontam", 10, 294, 0, 10, "drop",
        List.of(new DecontamReport.Benchmark("gsm8k", "question, answer", 992, 8, 0, 3, 3, 3)), "idx", "in", "out", "t", 1.0, 220, 213, 7,
        Map.of("decontam/ngram", 7L));
    assertThat(StageResults.decontaminated(roundTrip(decontam.json()))).isEqualTo(decontam);
    ObjectNode notACount = decontam.json();
    ((ObjectNode) notACount.at("/benchmarks/0")).put("items_found", "three");
    assertThatThrownBy(() -> StageResults.decontaminated(notACount)).hasMessageContaining("at /benchmarks/0/items_found");
  }
}

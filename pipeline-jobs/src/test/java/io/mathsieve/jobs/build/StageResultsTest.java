package io.mathsieve.jobs.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.build.StageResults.Decontaminated;
import io.mathsieve.jobs.build.StageResults.Exported;
import io.mathsieve.jobs.build.StageResults.Extracted;
import io.mathsieve.jobs.build.StageResults.Iterated;
import io.mathsieve.jobs.build.StageResults.NearDeduped;
import io.mathsieve.jobs.build.StageResults.Selected;
import io.mathsieve.jobs.build.StageResults.TokenRatesUsed;
import org.junit.jupiter.api.Test;

/**
 * A skipped stage's result is read back from its marker: what was written must come back equal, under
 * the keys that {@code run.json}, the report and the manifest read.
 */
class StageResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void iterateRoundTripsUnderItsKeys() throws Exception {
    ObjectNode loop = (ObjectNode) JSON.readTree("{\"iterations\": [{\"iteration\": 1, \"collected_pages\": 9}], \"stopped\": \"iteration limit\"}");
    Iterated it = new Iterated(2, 0.625, "abc123", "iterations/iter-2/model.bin", new TokenRatesUsed("gpt2", 0.25, 0.9, 100, 7), loop);
    ObjectNode s = it.summary();
    assertThat(s.get("final_iteration").asInt()).isEqualTo(2);
    assertThat(s.get("final_threshold").asDouble()).isEqualTo(0.625);
    assertThat(s.get("model_version").asText()).isEqualTo("abc123");
    assertThat(s.get("model").asText()).isEqualTo("iterations/iter-2/model.bin");
    assertThat(s.at("/token_rates/tokens_per_cjk_char").asDouble()).isEqualTo(0.9);
    assertThat(s.at("/token_rates/sample_cjk_pages").asLong()).isEqualTo(7);
    assertThat(s.at("/iterations/0/collected_pages").asLong()).as("the loop's own summary stays at the top").isEqualTo(9);
    Iterated back = Iterated.read(JSON.readValue(JSON.writeValueAsString(s), ObjectNode.class));
    assertThat(back).isEqualTo(it);
    assertThat(back.loop().has("final_threshold")).as("the driver's fields are not kept twice").isFalse();
  }

  @Test
  void selectAndExportRoundTripUnderTheirKeys() throws Exception {
    Selected sel = new Selected(100, 40, 60, 3, 1, 123456);
    assertThat(sel.summary().fieldNames()).toIterable()
        .containsExactly("pages", "collected", "not_collected", "full_text_reread", "full_text_unavailable", "text_bytes");
    assertThat(Selected.read(JSON.readValue(JSON.writeValueAsString(sel.summary()), ObjectNode.class))).isEqualTo(sel);
    Exported ex = new Exported(39, 5000, 2, 2, 777);
    assertThat(ex.summary().fieldNames()).toIterable().containsExactly("rows", "tokens", "files", "buckets", "bytes");
    assertThat(Exported.read(JSON.readValue(JSON.writeValueAsString(ex.summary()), ObjectNode.class))).isEqualTo(ex);
  }

  // The funnel reads the jobs' own summaries by key: what is there is read as written, and a key
  // that is missing (a renamed counter) or not a count stops the build naming it, instead of a 0.
  @Test
  void jobSummariesAreReadByKeyAndAMissingKeyIsAnError() throws Exception {
    Extracted ex = new Extracted((ObjectNode) JSON.readTree("{\"input_files\": 3, \"records\": {\"response\": 20, \"corrupt\": 1},"
        + " \"pages\": 15, \"rejections\": {\"dedup/url\": 2, \"extract/empty_text\": 4}}"));
    assertThat(ex.inputFiles()).isEqualTo(3);
    assertThat(ex.responseRecords()).isEqualTo(20);
    assertThat(ex.corruptRecords()).isEqualTo(1);
    assertThat(ex.pages()).isEqualTo(15);
    assertThat(ex.rejections()).containsExactly(java.util.Map.entry("dedup/url", 2L), java.util.Map.entry("extract/empty_text", 4L));
    NearDeduped renamed = new NearDeduped((ObjectNode) JSON.readTree("{\"kept_documents\": 9, \"dropped_near_duplicates\": 1}"));
    assertThat(renamed.droppedNearDuplicates()).isEqualTo(1);
    assertThatThrownBy(renamed::kept).hasMessage("the near-dedup stage's summary has no /kept");
    Decontaminated odd = new Decontaminated((ObjectNode) JSON.readTree("{\"kept\": 2.5, \"rejections\": {\"decontam/ngram\": \"x\"}}"));
    assertThatThrownBy(odd::kept).hasMessage("the decontam stage's summary has /kept = 2.5, not a count");
    assertThatThrownBy(odd::rejections).hasMessage("the decontam stage's summary has \"x\" under /rejections for 'decontam/ngram', not a count");
    Iterated it = new Iterated(2, 0.5, "v", "m", new TokenRatesUsed("gpt2", 0.25, 0.9, 100, 7), (ObjectNode) JSON.readTree(
        "{\"iterations\": [{\"iteration\": 1, \"collected_pages\": 9, \"collected_tokens\": 900, \"new_pages\": 9},"
            + " {\"iteration\": 2, \"collected_pages\": 10, \"collected_tokens\": 1000}]}"));
    assertThatThrownBy(it::collected).hasMessage("the iterate stage's summary has no /iterations/1/new_pages");
    ((ObjectNode) it.loop().at("/iterations/1")).put("new_pages", 1);
    assertThat(it.collected()).containsExactly(new Iterated.Collection(1, 9, 900, 9), new Iterated.Collection(2, 10, 1000, 1));
  }
}

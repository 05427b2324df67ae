package io.mathsieve.jobs.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.build.StageResults.Exported;
import io.mathsieve.jobs.build.StageResults.Iterated;
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
}

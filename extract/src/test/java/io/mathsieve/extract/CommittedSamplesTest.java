package io.mathsieve.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.samples.SampleGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@link SampleSetChecks} on the sample set committed under samples/ (the demo's
 * input), and a check that it is what the generator makes today.
 */
class CommittedSamplesTest extends SampleSetChecks {
  @TempDir Path fresh;

  @Override
  Path samples() {
    return Path.of(System.getProperty("mathsieve.root", "..")).resolve("samples");
  }

  // The committed set is the generator's current output: same records, outcomes and formulas. Byte
  // offsets are left out, because gzip output can differ between zlib versions.
  @Test
  void committedSamplesAreCurrent() throws Exception {
    SampleGenerator.generate(fresh, SampleGenerator.Options.defaults());
    assertThat(withoutOffsets(fresh.resolve("manifest.jsonl")))
        .as("samples/ is stale: regenerate it with ./mathsieve samples --output samples")
        .isEqualTo(withoutOffsets(samples().resolve("manifest.jsonl")));
  }

  private static List<String> withoutOffsets(Path manifest) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(manifest)) {
      JsonNode n = json.readTree(line);
      ((ObjectNode) n).remove("offset");
      out.add(json.writeValueAsString(n));
    }
    return out;
  }
}

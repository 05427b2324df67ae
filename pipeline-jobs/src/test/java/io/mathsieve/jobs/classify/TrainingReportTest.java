package io.mathsieve.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.classifiers.math.TrainingPlan;
import io.mathsieve.classifiers.math.Validation;
import io.mathsieve.jobs.run.JobSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingReportTest {
  static final Validation V = new Validation(10, 20, 0.9, 0.5, 0.8, 0.7, 0.75, new Validation.Quantiles(0, 0.1, 0.5, 0.9, 1),
      new Validation.Quantiles(0, 0.1, 0.2, 0.3, 0.4));

  static TrainingReport report(Validation combined, double[] combiner) {
    return new TrainingReport(10, 2, 20, 1, "sampled from the pages store at rate 0.01", List.of("seed.jsonl"), "iter-1/model.bin",
        "0123456789abcdef", Map.of("classify.epoch", "3"), new TrainingPlan(30, 9000, 3, 30, 0.5, "small set", 9000), "5-fold cross-fitting",
        4, V, combined, combiner);
  }

  // training.json is snake case throughout, the plan included (it read "configuredEpoch" when built by hand).
  @Test
  void keysAreSnakeCaseAtEveryLevel() {
    ObjectNode j = report(V, new double[] {1, 2, 3}).json();
    assertThat(j.get("seed_positives").asLong()).isEqualTo(10);
    assertThat(j.get("negatives_from_math_domains").asLong()).isEqualTo(1);
    assertThat(j.get("negatives_set_aside").asInt()).isEqualTo(4);
    assertThat(j.at("/plan/configured_epoch").asInt()).isEqualTo(3);
    assertThat(j.at("/plan/epoch").asInt()).isEqualTo(30);
    assertThat(j.at("/validation/auc").asDouble()).isEqualTo(0.9);
    assertThat(j.at("/validation_combined/math/p50").asDouble()).isEqualTo(0.5);
    assertThat(j.get("combiner")).hasSize(3);
    assertThat(j.at("/classifier/classify.epoch").asText()).as("config keys stay as configured").isEqualTo("3");
  }

  // A model without a combiner has neither combined validation nor weights: the keys are written as
  // null, not left out, so the strict reader (which refuses a missing key) reads training.json back.
  @Test
  void withoutACombinerTheCombinedKeysAreNullAndReadBack() {
    TrainingReport r = report(null, null);
    ObjectNode j = r.json();
    assertThat(j.get("validation_combined").isNull()).isTrue();
    assertThat(j.get("combiner").isNull()).isTrue();
    assertThat(j.has("validation")).isTrue();
    TrainingReport back = JobSummary.read(j, TrainingReport.class, "training.json");
    assertThat(back.validationCombined()).isNull();
    assertThat(back.combiner()).isNull();
    assertThat(back.validation()).isEqualTo(V);
  }
}

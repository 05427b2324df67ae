package io.mathsieve.classifiers.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {
  static ClassifierConfig config(String... kv) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return ClassifierConfig.from(Settings.of(m, "test"));
  }

  // A large training set keeps DeepSeekMath's 3 epochs exactly.
  @Test
  void largeSeedsKeepThePapersEpochs() {
    TrainingPlan p = TrainingPlan.of(1_000_000, 900_000_000, ClassifierConfig.defaults());
    assertThat(p.epoch()).isEqualTo(3);
    assertThat(p.reason()).isEqualTo("as configured");
    assertThat(p.bucket()).isEqualTo(1_000_000);
  }

  // A small one gets epochs up to the minimum token updates (10M / 200k tokens = 50), within the cap.
  @Test
  void smallSeedsGetEnoughPasses() {
    assertThat(TrainingPlan.of(200, 200_000, ClassifierConfig.defaults()).epoch()).isEqualTo(50);
    assertThat(TrainingPlan.of(200, 199_999, ClassifierConfig.defaults()).epoch()).as("rounded up").isEqualTo(51);
    assertThat(TrainingPlan.of(10, 1_000, ClassifierConfig.defaults()).epoch()).as("capped").isEqualTo(100);
    assertThat(TrainingPlan.of(10, 1_000, config("classify.max-epoch", "40")).epoch()).isEqualTo(40);
    assertThat(TrainingPlan.of(10, 1_000, config("classify.min-token-updates", "0")).epoch()).as("off").isEqualTo(3);
    assertThat(TrainingPlan.of(10, 1_000, config("classify.epoch", "200")).epoch()).as("never fewer than configured").isEqualTo(200);
    assertThat(TrainingPlan.of(200, 200_000, ClassifierConfig.defaults()).reason()).contains("200000 tokens x 3 epochs");
  }

  // Buckets: no more than the tokens (at least 100k), never more than configured.
  @Test
  void bucketsFollowTheData() {
    assertThat(TrainingPlan.of(200, 250_000, ClassifierConfig.defaults()).bucket()).isEqualTo(250_000);
    assertThat(TrainingPlan.of(10, 1_000, ClassifierConfig.defaults()).bucket()).isEqualTo(100_000);
    assertThat(TrainingPlan.of(1_000_000, 900_000_000, ClassifierConfig.defaults()).bucket()).isEqualTo(1_000_000);
    assertThat(TrainingPlan.of(200, 250_000, config("classify.bucket", "50000")).bucket()).isEqualTo(50_000);
    assertThat(TrainingPlan.of(200, 250_000, ClassifierConfig.defaults()).apply(ClassifierConfig.defaults()).bucket()).isEqualTo(250_000);
  }

  // A small set trains at classify.small-set-lr; a large one keeps DeepSeekMath's 0.1; 0 turns the raise off.
  @Test
  void smallSetsTrainAtTheSmallSetRate() {
    TrainingPlan small = TrainingPlan.of(200, 200_000, ClassifierConfig.defaults());
    assertThat(small.lr()).isEqualTo(0.5);
    assertThat(small.apply(ClassifierConfig.defaults()).lr()).isEqualTo(0.5);
    assertThat(small.reason()).contains("lr 0.5 (classify.small-set-lr)");
    assertThat(TrainingPlan.of(1_000_000, 900_000_000, ClassifierConfig.defaults()).lr()).isEqualTo(0.1);
    assertThat(TrainingPlan.of(200, 200_000, config("classify.small-set-lr", "0")).lr()).isEqualTo(0.1);
    assertThat(TrainingPlan.of(200, 200_000, config("classify.small-set-lr", "0.8")).lr()).isEqualTo(0.8);
  }
}

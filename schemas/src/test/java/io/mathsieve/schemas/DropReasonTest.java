package io.mathsieve.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.schemas.DropReason.Means;
import org.junit.jupiter.api.Test;

class DropReasonTest {
  @DropReason.Stage("fetch")
  enum FetchReason implements DropReason {
    @Means("The server said no.")
    REFUSED,
    @Means("Nothing came back in time.")
    TIMED_OUT
  }

  @DropReason.Stage("fetch")
  enum Undocumented implements DropReason {
    @Means("Documented.")
    DOCUMENTED,
    FORGOTTEN
  }

  enum NoStage implements DropReason {
    @Means("Has no stage.")
    LOST
  }

  @Test
  void stageCodeAndMeaningComeFromTheAnnotations() {
    assertThat(FetchReason.TIMED_OUT.stage()).isEqualTo("fetch");
    assertThat(FetchReason.TIMED_OUT.code()).isEqualTo("timed_out");
    assertThat(FetchReason.TIMED_OUT.key()).isEqualTo("fetch/timed_out");
    assertThat(FetchReason.TIMED_OUT.description()).isEqualTo("Nothing came back in time.");
    assertThat(FetchReason.REFUSED.description()).isEqualTo("The server said no.");
  }

  @Test
  void aReasonWithoutAMeaningOrAStageIsAnErrorNamingIt() {
    assertThatThrownBy(Undocumented.DOCUMENTED::description).hasMessageContaining("Undocumented.FORGOTTEN must be annotated @DropReason.Means");
    assertThatThrownBy(NoStage.LOST::stage).hasMessageContaining("NoStage must be annotated @DropReason.Stage");
  }
}

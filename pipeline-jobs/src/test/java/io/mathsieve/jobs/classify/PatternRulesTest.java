package io.mathsieve.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.classifiers.iterate.Annotations;
import io.mathsieve.classifiers.iterate.StopRule;
import io.mathsieve.schemas.PatternStat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pattern acceptance and the stop rule on hand-made tables, a comment per row. */
class PatternRulesTest {
  private final PatternRules rules = new PatternRules(5, 0.25,
      new Annotations(List.of("forum.example.org/threads", "notes.example.edu/ma101/lectures"), List.of("math.example.net/users")));

  @Test
  void patternTable() {
    // enough pages, a third collected: mined
    assertThat(rules.judge("math.example.net/questions", "math.example.net", 30, 10, 1)).extracting(PatternStat::accepted, PatternStat::source)
        .containsExactly(true, "mined");
    // just under the share: not mined; exactly at both thresholds: mined
    assertThat(rules.judge("math.example.net/tags", "math.example.net", 5, 1, 1).accepted()).isFalse();
    assertThat(rules.judge("math.example.net/a", "math.example.net", 8, 2, 1).accepted()).isTrue();
    assertThat(rules.judge("math.example.net/b", "math.example.net", 5, 2, 1).accepted()).isTrue();
    // too few pages: not mined, however high the share
    assertThat(rules.judge("math.example.net/about", "math.example.net", 4, 4, 1).accepted()).isFalse();
    // a low share: not mined
    assertThat(rules.judge("math.example.net/blog", "math.example.net", 100, 10, 1).source()).isEqualTo("none");
    // the user excludes it, whatever its numbers
    assertThat(rules.judge("math.example.net/users", "math.example.net", 100, 90, 1)).extracting(PatternStat::accepted, PatternStat::source)
        .containsExactly(false, "excluded");
    // the user includes it, whatever its numbers
    assertThat(rules.judge("forum.example.org/threads", "forum.example.org", 2, 0, 1)).extracting(PatternStat::accepted, PatternStat::source)
        .containsExactly(true, "annotation");
    assertThat(rules.judge("math.example.net/q", "math.example.net", 10, 5, 3).iteration()).isEqualTo(3);
  }

  @Test
  void stopRule() {
    // the first iteration never stops on the new share (everything is new)
    assertThat(StopRule.reason(1, 4, 100, 100, 0.02)).isNull();
    // 1 new page in 100: under 2%
    assertThat(StopRule.reason(2, 4, 100, 1, 0.02)).isEqualTo("new share below 0.02");
    // 2 new pages in 100: not under 2%
    assertThat(StopRule.reason(2, 4, 100, 2, 0.02)).isNull();
    // the limit
    assertThat(StopRule.reason(4, 4, 100, 50, 0.02)).isEqualTo("iteration limit");
    assertThat(StopRule.afterSeedGrowth(0)).isEqualTo("no new seed pages");
    assertThat(StopRule.afterSeedGrowth(3)).isNull();
  }
}

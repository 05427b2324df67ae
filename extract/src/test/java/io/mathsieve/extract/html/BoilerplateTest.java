package io.mathsieve.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Class and id values that name chrome: a whole token, or a whole dash/underscore part of one, is a chrome word. */
class BoilerplateTest {
  @Test
  void chromeWordsAsWholeTokensOrParts() {
    assertThat(Boilerplate.matches("sidebar")).isTrue();
    assertThat(Boilerplate.matches("col-md-4 site-footer")).as("a part of the second token").isTrue();
    assertThat(Boilerplate.matches("Share_Buttons")).as("case and underscores").isTrue();
    assertThat(Boilerplate.matches("screen-reader-text")).as("a word with dashes, whole").isTrue();
    assertThat(Boilerplate.matches("footnote")).as("not a part").isFalse();
    assertThat(Boilerplate.matches("entry-content post-body")).isFalse();
    assertThat(Boilerplate.matches("navigational-aid")).isFalse();
    assertThat(Boilerplate.matches("")).isFalse();
    assertThat(Boilerplate.matches("  ")).isFalse();
  }
}

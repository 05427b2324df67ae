package io.mathsieve.extract.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StemsTest {
  private final Stems stems = new Stems("comment", "-ad-", "sidebar", "share");

  // Substring semantics, as Readability's regular expressions: a stem anywhere in the value.
  @Test
  void findsStemsAnywhereIgnoringCase() {
    assertThat(stems.foundIn("post-comments-area")).isTrue();
    assertThat(stems.foundIn("top-ad-slot")).isTrue();
    assertThat(stems.foundIn("Left SideBar")).isTrue();
    assertThat(stems.foundIn("sharedaddy")).isTrue();
    assertThat(stems.foundIn("entry-content")).isFalse();
    assertThat(stems.foundIn("shadow")).isFalse();
    assertThat(stems.foundIn("")).isFalse();
    assertThat(stems.foundIn("comm")).as("a stem longer than what is left").isFalse();
  }

  @Test
  void stemsMustBeLowerCaseAscii() {
    assertThatThrownBy(() -> new Stems("Comment")).hasMessage("stems must be lower-case ASCII: Comment");
  }
}

package io.mathsieve.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CJK test is exactly the union of the Unicode blocks it names, checked against Java's own block table for every BMP char. */
class CjkTest {
  private static final Set<Character.UnicodeBlock> BLOCKS = Set.of(Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
      Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A, Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS, Character.UnicodeBlock.HIRAGANA,
      Character.UnicodeBlock.KATAKANA, Character.UnicodeBlock.HANGUL_SYLLABLES);

  @Test
  void matchesTheUnicodeBlocksForEveryBmpChar() {
    for (int c = 0; c <= 0xFFFF; c++) {
      Character.UnicodeBlock block = Character.UnicodeBlock.of((char) c); // null for unassigned chars
      assertThat(Cjk.isCjk((char) c)).as("U+%04X", c).isEqualTo(block != null && BLOCKS.contains(block));
    }
  }

  @Test
  void examples() {
    assertThat(Cjk.isCjk('求')).isTrue();
    assertThat(Cjk.isCjk('\uF900')).as("compatibility ideograph").isTrue();
    assertThat(Cjk.isCjk('の')).isTrue();
    assertThat(Cjk.isCjk('한')).isTrue();
    assertThat(Cjk.isCjk('a')).isFalse();
    assertThat(Cjk.isCjk('，')).as("fullwidth comma: punctuation, not a word char").isFalse();
  }
}

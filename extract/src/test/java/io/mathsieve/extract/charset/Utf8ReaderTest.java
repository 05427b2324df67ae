package io.mathsieve.extract.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {
  /** Everything the reader gives, read {@code chunk} chars at a time (a random size per read when 0). */
  static String readAll(byte[] body, int from, int chunk, Random rnd) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Utf8Reader r = new Utf8Reader(body, from)) {
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf, 0, chunk > 0 ? chunk : 1 + rnd.nextInt(40))) != -1; ) {
        assertThat(n).as("a read returns chars or -1, never 0").isPositive();
        out.append(buf, 0, n);
      }
    }
    return out.toString();
  }

  /** Bodies like real pages: ASCII runs, then chars of every UTF-8 length, and (when asked) bytes that are not UTF-8. */
  static byte[] body(Random rnd, boolean broken) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] chars = {"é", "\u00a0", "–", "数", "∑", "😀", "𝔸", "ß", "\u07ff", "\u0800", "\uffff", "\ud7ff", "\ue000"};
    for (int i = 0, n = rnd.nextInt(60); i < n; i++) {
      int kind = rnd.nextInt(broken ? 4 : 3);
      if (kind == 0) {
        byte[] ascii = "<p class=\"x\">Some text and markup</p>\n".substring(0, rnd.nextInt(38)).getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ascii);
      } else if (kind <= 2) {
        out.writeBytes(chars[rnd.nextInt(chars.length)].getBytes(StandardCharsets.UTF_8));
      } else {
        // lone continuation bytes, overlong forms, surrogates, cut-off sequences, bytes never in UTF-8
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF},
            {(byte) 0xC3}};
        out.writeBytes(bad[rnd.nextInt(bad.length)]);
      }
    }
    return out.toByteArray();
  }

  // The contract: the chars of new String(body, UTF-8), whatever the read sizes. Seen to fail with
  // the E0 overlong check removed, and with the second half of a surrogate pair lost when a read
  // had room for only the first.
  @Test
  void givesTheJdksCharsForValidUtf8() throws IOException {
    Random rnd = new Random(7);
    for (int i = 0; i < 3000; i++) {
      byte[] b = body(rnd, false);
      String expected = new String(b, StandardCharsets.UTF_8);
      assertThat(readAll(b, 0, 0, rnd)).as("body %d", i).isEqualTo(expected);
      assertThat(readAll(b, 0, 8192, rnd)).isEqualTo(expected);
    }
  }

  // Malformed bytes get the JDK's U+FFFD replacements, one for one, from any start offset.
  @Test
  void givesTheJdksReplacementsForBytesThatAreNotUtf8() throws IOException {
    Random rnd = new Random(11);
    for (int i = 0; i < 3000; i++) {
      byte[] b = body(rnd, true);
      int from = b.length == 0 ? 0 : rnd.nextInt(Math.min(4, b.length) + 1);
      String expected = new String(b, from, b.length - from, StandardCharsets.UTF_8);
      assertThat(readAll(b, from, 0, rnd)).as("body %d from %d", i, from).isEqualTo(expected);
      assertThat(readAll(b, from, 8192, rnd)).isEqualTo(expected);
    }
    assertThat(readAll(new byte[] {'a', (byte) 0xE0, (byte) 0x80, 'b'}, 0, 1, rnd)).isEqualTo("a\ufffd\ufffdb");
    assertThat(readAll(new byte[0], 0, 8, rnd)).isEmpty();
  }
}

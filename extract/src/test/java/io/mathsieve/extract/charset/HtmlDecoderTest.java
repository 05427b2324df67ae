package io.mathsieve.extract.charset;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.extract.charset.HtmlDecoder.DecodedHtml;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {
  static final String ZH = "<html><body><p>勾股定理：直角三角形两条直角边的平方和等于斜边的平方。这个定理在中国古代称为勾股定理，在西方称为毕达哥拉斯定理。</p></body></html>";
  static final String FR = "<html><body><p>La crème brûlée du café est délicieuse, déjà célèbre à Montréal.</p></body></html>";

  // The HTTP header charset is used when the bytes agree.
  @Test
  void httpHeader() {
    DecodedHtml d = HtmlDecoder.decode(FR.getBytes(Charset.forName("windows-1252")), "text/html; charset=ISO-8859-1");
    assertThat(d.html()).contains("crème brûlée");
    assertThat(d.charset()).isEqualTo("windows-1252");
    assertThat(d.source()).isEqualTo("http");
  }

  // A byte order mark wins over a wrong header.
  @Test
  void bomWins() {
    byte[] utf16 = ("\uFEFF" + FR).getBytes(StandardCharsets.UTF_16LE);
    DecodedHtml d = HtmlDecoder.decode(utf16, "text/html; charset=iso-8859-1");
    assertThat(d.html()).contains("crème brûlée");
    assertThat(d.source()).isEqualTo("bom");
    byte[] utf8 = ("\uFEFF" + FR).getBytes(StandardCharsets.UTF_8);
    assertThat(HtmlDecoder.decode(utf8, null).html()).startsWith("<html>");
  }

  // Declared UTF-8, but the bytes are GBK: the declaration is not believed.
  @Test
  void wrongUtf8DeclarationDetected() {
    DecodedHtml d = HtmlDecoder.decode(ZH.getBytes(Charset.forName("GBK")), "text/html; charset=utf-8");
    assertThat(d.html()).contains("勾股定理");
    assertThat(d.source()).isEqualTo("detected");
  }

  // Declared Latin-1, but the bytes are valid multi-byte UTF-8: read UTF-8.
  @Test
  void latin1DeclarationOverUtf8() {
    DecodedHtml d = HtmlDecoder.decode(FR.getBytes(StandardCharsets.UTF_8), "text/html; charset=iso-8859-1");
    assertThat(d.html()).contains("crème brûlée");
    assertThat(d.charset()).isEqualTo("UTF-8");
  }

  // Only a meta tag declares the charset (http-equiv form, gb2312 read as its superset GB18030).
  @Test
  void metaHttpEquiv() {
    String html = ZH.replace("<html>", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>");
    DecodedHtml d = HtmlDecoder.decode(html.getBytes(Charset.forName("GBK")), "text/html");
    assertThat(d.html()).contains("勾股定理");
    assertThat(d.source()).isEqualTo("meta");
    assertThat(d.charset()).isEqualTo("GB18030");
  }

  @Test
  void metaCharset() {
    String html = "<html><head><meta charset='windows-1251'></head><body>Привет, мир! Это тестовая страница.</body></html>";
    DecodedHtml d = HtmlDecoder.decode(html.getBytes(Charset.forName("windows-1251")), "");
    assertThat(d.html()).contains("Привет, мир");
    assertThat(d.source()).isEqualTo("meta");
  }

  // Nothing declared: UTF-8 when valid, else the detector.
  @Test
  void undeclared() {
    assertThat(HtmlDecoder.decode(FR.getBytes(StandardCharsets.UTF_8), null).source()).isEqualTo("detected");
    assertThat(HtmlDecoder.decode("<p>plain ascii</p>".getBytes(StandardCharsets.US_ASCII), null).source()).isEqualTo("default");
    DecodedHtml zh = HtmlDecoder.decode(ZH.getBytes(Charset.forName("GBK")), null);
    assertThat(zh.html()).contains("勾股定理");
  }

  // An unknown or garbage label is ignored, never an exception.
  @Test
  void unknownLabelsIgnored() {
    assertThat(HtmlDecoder.decode(FR.getBytes(StandardCharsets.UTF_8), "text/html; charset=x-no-such-thing").html()).contains("crème");
    assertThat(HtmlDecoder.decode(FR.getBytes(StandardCharsets.UTF_8), "text/html; charset=\"").html()).contains("crème");
    assertThat(HtmlDecoder.supported("utf8")).isEqualTo(StandardCharsets.UTF_8);
  }

  // In a page whose declared UTF-8 holds, undecodable bytes (here a sequence cut short at the end)
  // become U+FFFD and the rest is kept; bytes that are no UTF-8 at all are not read as UTF-8 but
  // by the detector's charset, one char per byte, and decoding never throws.
  @Test
  void undecodableBytesBecomeReplacementChars() {
    byte[] text = "caf\u00e9 ok".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(text, text.length + 2);
    cut[text.length] = (byte) 0xE2; // the first two bytes of a three-byte sequence
    cut[text.length + 1] = (byte) 0x82;
    DecodedHtml d = HtmlDecoder.decode(cut, "text/html; charset=utf-8");
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.html()).isEqualTo("caf\u00e9 ok\uFFFD");

    byte[] junk = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'a', (byte) 0xE2, (byte) 0x82};
    DecodedHtml j = HtmlDecoder.decode(junk, "text/html; charset=utf-8");
    assertThat(j.charset()).isNotEqualTo("UTF-8");
    assertThat(j.html()).hasSize(junk.length).doesNotContain("\uFFFD");
    assertThat(j.html().charAt(3)).isEqualTo('a');
  }

  // The extractor parses from the reader: after the byte order mark, the same chars as the string,
  // replacement chars included, for every kind of body above.
  @Test
  void readerGivesTheSameCharsAsTheString() throws Exception {
    byte[] cutUtf8 = java.util.Arrays.copyOf("caf\u00e9 ok".getBytes(StandardCharsets.UTF_8), 9);
    cutUtf8[7] = (byte) 0xE2;
    cutUtf8[8] = (byte) 0x82;
    java.util.List<byte[]> bodies = java.util.List.of(("\uFEFF" + FR).getBytes(StandardCharsets.UTF_16LE), ("\uFEFF" + FR).getBytes(StandardCharsets.UTF_16BE),
        ("\uFEFF" + FR).getBytes(StandardCharsets.UTF_8), ZH.getBytes(Charset.forName("GBK")), FR.getBytes(Charset.forName("windows-1252")), cutUtf8,
        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'a', (byte) 0xE2, (byte) 0x82});
    for (byte[] body : bodies) {
      HtmlDecoder.Detected d = HtmlDecoder.detect(body, "text/html; charset=utf-8");
      StringBuilder read = new StringBuilder();
      try (java.io.Reader r = d.reader(body)) {
        for (int c; (c = r.read()) >= 0; ) {
          read.append((char) c);
        }
      }
      assertThat(read.toString()).isEqualTo(HtmlDecoder.decode(body, "text/html; charset=utf-8").html()).doesNotStartWith("\uFEFF").isNotEmpty();
    }
  }

  // The UTF-8 check skips ASCII eight bytes at a time: a multi-byte char or a bad byte at any
  // offset from those words' boundaries is still seen. The reference is the JDK's strict decoder.
  @Test
  void utf8CheckAgreesWithTheJdkDecoderAtEveryAlignment() {
    java.util.Random rng = new java.util.Random(7);
    String[] chars = {"\u00e9", "\u4e2d", "\ud83d\ude00"};
    byte[][] bad = {{(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE4, (byte) 0xB8, 'x'}, {(byte) 0xC0, (byte) 0xAF}};
    int[] seen = new int[3];
    for (int round = 0; round < 3000; round++) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (int part = rng.nextInt(4); part >= 0; part--) {
        out.writeBytes("a".repeat(rng.nextInt(20)).getBytes(StandardCharsets.US_ASCII));
        int kind = rng.nextInt(6);
        if (kind < 3) {
          out.writeBytes(chars[kind].getBytes(StandardCharsets.UTF_8));
        } else if (kind == 3 && rng.nextInt(4) == 0) {
          out.writeBytes(bad[rng.nextInt(bad.length)]);
        }
      }
      out.writeBytes("<p>end of page</p>".getBytes(StandardCharsets.US_ASCII)); // nothing cut off by the window
      byte[] b = out.toByteArray();
      HtmlDecoder.Utf8Check expected;
      try {
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
        boolean ascii = true;
        for (byte x : b) {
          ascii &= x >= 0;
        }
        expected = ascii ? HtmlDecoder.Utf8Check.ASCII : HtmlDecoder.Utf8Check.VALID;
      } catch (java.nio.charset.CharacterCodingException e) {
        expected = HtmlDecoder.Utf8Check.INVALID;
      }
      assertThat(HtmlDecoder.Utf8Check.of(b, b.length)).as(java.util.Arrays.toString(b)).isEqualTo(expected);
      seen[expected.ordinal()]++;
    }
    assertThat(java.util.Arrays.stream(seen).min().getAsInt()).as("bodies of each kind").isGreaterThan(100);
  }

  @Test
  void charsetParameter() {
    assertThat(HtmlDecoder.charsetParameter("text/html; Charset=\"UTF-8\"")).isEqualTo("UTF-8");
    assertThat(HtmlDecoder.charsetParameter("text/html;charset=gbk;foo=bar")).isEqualTo("gbk");
    assertThat(HtmlDecoder.charsetParameter("text/html")).isNull();
  }
}

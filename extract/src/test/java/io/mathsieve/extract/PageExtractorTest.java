package io.mathsieve.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.HtmlPage;
import io.mathsieve.schemas.TextDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageExtractorTest {
  private final PageExtractor extractor = new PageExtractor(ExtractConfig.defaults());

  static HtmlPage page(byte[] body, String contentType) {
    return new HtmlPage("https://math.example.org/q/1", "math.example.org", "f.warc.gz", 42, "<urn:uuid:1>",
        Instant.parse("2024-03-01T10:00:00Z"), contentType, 200, body, false);
  }

  static HtmlPage page(String html) {
    return page(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
  }

  // A math page becomes a document with its id, provenance, language, charset and formula counts.
  @Test
  void keepsAPage() {
    FilterResult<TextDocument> r = extractor.extract(page("<html><head><title> Squares </title></head><body><p>"
        + "For every real number <script type=\"math/tex\">x</script> we have <script type=\"math/tex\">x^2 \\geq 0</script>, "
        + "with equality only at zero.</p></body></html>"));
    TextDocument d = ((FilterResult.Keep<TextDocument>) r).value();
    assertThat(d.docId()).isEqualTo(DocIds.of("https://math.example.org/q/1", "<urn:uuid:1>"));
    assertThat(d.title()).isEqualTo("Squares");
    assertThat(d.text()).isEqualTo("For every real number $x$ we have $x^2 \\geq 0$, with equality only at zero.");
    assertThat(d.textChars()).isEqualTo(d.text().length());
    assertThat(d.lang()).isEqualTo("en");
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.charsetSource()).isEqualTo("http");
    assertThat(d.formulas().texScript()).isEqualTo(2);
    assertThat(d.hasMathMarkup()).isTrue();
    assertThat(d.warcPointer().toString()).isEqualTo("f.warc.gz@42");
    assertThat(d.extractorVersion()).isEqualTo(ExtractorVersion.CURRENT);
  }

  // Each drop reason, with a fixture that triggers it.
  @Test
  void drops() {
    assertThat(reason(page(new byte[0], "text/html"))).isEqualTo("extract/empty_text");
    byte[] png = new byte[2000];
    png[0] = (byte) 0x89;
    assertThat(reason(page(png, "text/html"))).as("zero bytes served as HTML").isEqualTo("extract/binary_body");
    assertThat(reason(page("<html><body><nav><a href=/>Home</a></nav><p>Hi</p></body></html>"))).isEqualTo("extract/empty_text");
    assertThat(reason(page("<html><body>" + "<div>".repeat(400) + "text</body></html>"))).isEqualTo("extract/dom_too_deep");
  }

  // UTF-16 with a byte order mark has zero bytes but is not binary.
  @Test
  void utf16IsNotBinary() {
    byte[] text = ("\uFEFF<html><body><p>A page saved as UTF-16 by a Windows editor, long enough to keep.</p></body></html>")
        .getBytes(StandardCharsets.UTF_16LE);
    assertThat(PageExtractor.looksBinary(text)).isFalse();
    assertThat(extractor.extract(page(text, "text/html")).kept()).isTrue();
  }

  private String reason(HtmlPage p) {
    FilterResult<TextDocument> r = extractor.extract(p);
    return r instanceof FilterResult.Drop<TextDocument> d ? d.reason().key() : "kept";
  }
}

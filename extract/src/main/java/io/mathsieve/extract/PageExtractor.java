package io.mathsieve.extract;

import io.mathsieve.classifiers.langid.LanguageIdentifier;
import io.mathsieve.classifiers.langid.LanguageIdentifier.Language;
import io.mathsieve.extract.charset.HtmlDecoder;
import io.mathsieve.extract.charset.HtmlDecoder.Detected;
import io.mathsieve.extract.html.ExtractedText;
import io.mathsieve.extract.html.ExtractionLimitException;
import io.mathsieve.extract.html.MathAwareTextExtractor;
import io.mathsieve.extract.prefilter.MathPrefilter;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.HtmlPage;
import io.mathsieve.schemas.TextDocument;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * One HTML page to one text document, or a reason why not: binary bodies, pathological DOMs,
 * runaway extraction time and pages with no readable text are dropped with an {@link ExtractReason}.
 * Stateless apart from the shared language identifier; safe to use from several threads.
 *
 * <pre>{@code
 * PageExtractor extractor = new PageExtractor(ExtractConfig.defaults());
 * FilterResult<TextDocument> r = extractor.extract(page);
 * }</pre>
 */
public final class PageExtractor {
  /** Bytes of the body inspected for binary content. */
  static final int BINARY_SNIFF_BYTES = 1024;

  private final ExtractConfig config;
  private final MathAwareTextExtractor text;
  private final LanguageIdentifier languages;

  public PageExtractor(ExtractConfig config) {
    this(config, LanguageIdentifier.shared());
  }

  public PageExtractor(ExtractConfig config, LanguageIdentifier languages) {
    this.config = config;
    this.text = new MathAwareTextExtractor(config.maxDomDepth(), config.linkDensity(), config.langIdChars());
    this.languages = languages;
  }

  public FilterResult<TextDocument> extract(HtmlPage page) {
    long deadline = System.nanoTime() + config.maxTime().toNanos();
    byte[] body = page.body();
    if (body.length == 0) {
      return FilterResult.drop(ExtractReason.EMPTY_TEXT, "empty body");
    }
    if (looksBinary(body)) {
      return FilterResult.drop(ExtractReason.BINARY_BODY, "control bytes in the first " + BINARY_SNIFF_BYTES + " bytes");
    }
    if (config.prefilter() && !MathPrefilter.shared().test(body)) {
      return FilterResult.drop(ExtractReason.NO_MATH_SIGNAL, "no math markup, symbol or word in " + body.length + " bytes");
    }
    // Parsed from a reader over the bytes: the parser decodes as it reads, and no whole-page string is built.
    Detected charset = HtmlDecoder.detect(body, page.contentType());
    Document doc = Parser.htmlParser().parseInput(charset.reader(body), page.url());
    ExtractedText extracted;
    try {
      extracted = text.extract(doc, deadline);
    } catch (ExtractionLimitException e) {
      return e.limit() == ExtractionLimitException.Limit.DOM_DEPTH
          ? FilterResult.drop(ExtractReason.DOM_TOO_DEEP, e.getMessage())
          : FilterResult.drop(ExtractReason.TIMEOUT, e.getMessage());
    }
    if (System.nanoTime() > deadline) {
      return FilterResult.drop(ExtractReason.TIMEOUT, "over " + config.maxTime().toMillis() + " ms");
    }
    String t = extracted.text();
    if (t.length() < config.minTextChars()) {
      return FilterResult.drop(ExtractReason.EMPTY_TEXT, t.length() + " chars of text");
    }
    Language lang = languages.identify(extracted.languageInput(), config.langIdChars());
    return FilterResult.keep(
        new TextDocument(
            DocIds.of(page.url(), page.recordId()),
            page.url(),
            page.host(),
            extracted.title(),
            t,
            t.length(),
            false,
            lang.code(),
            lang.score(),
            charset.charset().name(),
            charset.source(),
            ExtractorVersion.CURRENT,
            extracted.formulas(),
            extracted.hasMathMarkup(),
            page.warcFile(),
            page.warcOffset(),
            page.recordId(),
            page.fetchTime()));
  }

  /** Control bytes (other than tab, newline, form feed, carriage return, escape) in the first kilobyte. */
  static boolean looksBinary(byte[] body) {
    if (body.length >= 2 && ((body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE || (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF)) {
      return false; // UTF-16 with a byte order mark has zero bytes by design
    }
    int n = Math.min(body.length, BINARY_SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0c && b != 0x1b) {
        control++;
      }
    }
    return control > Math.max(4, n / 50);
  }
}

package io.mathsieve.schemas;

import java.time.Instant;

/**
 * A page after extraction: readable text with math kept as LaTeX, and where it came from.
 *
 * <p>Flat fields, so Flink serialises it as a POJO and the pages store maps one field to one column.
 *
 * @param docId stable id ({@link DocIds#of})
 * @param url the page URL
 * @param domain the lower-cased host of {@code url}
 * @param title the page title, empty when absent
 * @param text the extracted text, possibly capped (see {@code textTruncated})
 * @param textChars length of the full extracted text in chars, before any cap
 * @param textTruncated whether {@code text} holds only a prefix of the full text
 * @param lang language label (ISO 639 code from the language identifier), {@code und} when unknown
 * @param langScore the identifier's probability for {@code lang}
 * @param charset the charset the body was decoded with
 * @param charsetSource how the charset was found: {@code bom}, {@code http}, {@code meta}, {@code detected}, {@code default}
 * @param extractorVersion version of the extraction code and settings that produced {@code text}
 * @param formulas formulas found, by markup kind
 * @param hasMathMarkup whether any math markup was seen (including MathJax/KaTeX loaders and LaTeX images)
 * @param warcFile the WARC file of the capture
 * @param warcOffset the record's offset in {@code warcFile}
 * @param warcRecordId the {@code WARC-Record-ID}
 * @param fetchTime the capture time ({@code WARC-Date})
 */
public record TextDocument(
    String docId,
    String url,
    String domain,
    String title,
    String text,
    int textChars,
    boolean textTruncated,
    String lang,
    double langScore,
    String charset,
    String charsetSource,
    String extractorVersion,
    FormulaCounts formulas,
    boolean hasMathMarkup,
    String warcFile,
    long warcOffset,
    String warcRecordId,
    Instant fetchTime) implements StoredDocument, java.io.Serializable {

  /** Where to re-read this page's full text. */
  public WarcPointer warcPointer() {
    return new WarcPointer(warcFile, warcOffset);
  }

  /** This document with its text cut to at most {@code maxChars} chars (no-op when already shorter). */
  public TextDocument withTextCap(int maxChars) {
    if (text.length() <= maxChars) {
      return this;
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return new TextDocument(
        docId, url, domain, title, text.substring(0, end), textChars, true, lang, langScore, charset,
        charsetSource, extractorVersion, formulas, hasMathMarkup, warcFile, warcOffset, warcRecordId,
        fetchTime);
  }

  /** A rejection of this document for {@code reason}. */
  public Rejection reject(DropReason reason, String detail) {
    return Rejection.of(reason, docId, url, detail, warcFile, warcOffset);
  }
}

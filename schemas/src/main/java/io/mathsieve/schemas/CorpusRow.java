package io.mathsieve.schemas;

import java.time.Instant;

/**
 * A document of the final corpus: full text, math score, token count and provenance. One row of
 * {@code corpus/part-*.parquet}; also the row type of the stages between collection and export
 * (near-dedup, decontamination), where {@code tokenCount} is still 0.
 *
 * @param docId stable id ({@link DocIds#of})
 * @param url the page URL
 * @param domain the lower-cased host of {@code url}
 * @param title the page title, empty when absent
 * @param text the full extracted text (never a prefix), math kept as LaTeX
 * @param lang language label (ISO 639 code), {@code und} when unknown
 * @param mathScore P(math) from the final iteration's classifier
 * @param iteration the first iteration that collected the page
 * @param tokenCount tokens of {@code text} by {@code tokenizer}, no special tokens
 * @param tokenizer the tokenizer that counted them
 * @param fetchTime the capture time
 * @param warcFile the WARC file of the capture
 * @param warcOffset the record's offset in {@code warcFile}
 * @param warcRecordId the {@code WARC-Record-ID}
 * @param clusterSize documents in its near-duplicate cluster (1 when it has no near-duplicate)
 * @param mathFormulas formulas the extractor found
 * @param extractorVersion version of the extractor that produced {@code text}
 * @param modelVersion version of the classifier that scored it
 * @param configFingerprint fingerprint of the configuration of the run that produced the corpus
 */
public record CorpusRow(
    String docId,
    String url,
    String domain,
    String title,
    String text,
    String lang,
    double mathScore,
    int iteration,
    long tokenCount,
    String tokenizer,
    Instant fetchTime,
    String warcFile,
    long warcOffset,
    String warcRecordId,
    int clusterSize,
    int mathFormulas,
    String extractorVersion,
    String modelVersion,
    String configFingerprint) implements StoredDocument, java.io.Serializable {

  /** A collected page as a corpus row, before near-dedup and token counting. */
  public static CorpusRow of(TextDocument d, double score, int iteration, String modelVersion) {
    return new CorpusRow(d.docId(), d.url(), d.domain(), d.title(), d.text(), d.lang(), score, iteration, 0, "", d.fetchTime(),
        d.warcFile(), d.warcOffset(), d.warcRecordId(), 1, d.formulas().total(), d.extractorVersion(), modelVersion, "");
  }

  public CorpusRow withText(String fullText) {
    return new CorpusRow(docId, url, domain, title, fullText, lang, mathScore, iteration, tokenCount, tokenizer, fetchTime, warcFile,
        warcOffset, warcRecordId, clusterSize, mathFormulas, extractorVersion, modelVersion, configFingerprint);
  }

  public CorpusRow withClusterSize(int size) {
    return new CorpusRow(docId, url, domain, title, text, lang, mathScore, iteration, tokenCount, tokenizer, fetchTime, warcFile,
        warcOffset, warcRecordId, size, mathFormulas, extractorVersion, modelVersion, configFingerprint);
  }

  /** The row as exported: its token count, the tokenizer, the run's config fingerprint. */
  public CorpusRow withExport(long count, String tokenizerName, String fingerprint) {
    return new CorpusRow(docId, url, domain, title, text, lang, mathScore, iteration, count, tokenizerName, fetchTime, warcFile,
        warcOffset, warcRecordId, clusterSize, mathFormulas, extractorVersion, modelVersion, fingerprint);
  }

  /** A rejection of this document for {@code reason}. */
  public Rejection reject(DropReason reason, String detail) {
    return Rejection.of(reason, docId, url, detail, warcFile, warcOffset);
  }
}

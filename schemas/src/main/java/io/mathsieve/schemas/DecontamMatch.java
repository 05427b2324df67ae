package io.mathsieve.schemas;

/**
 * A document found to contain benchmark text: the audit record of decontamination.
 *
 * @param docId the document
 * @param url its URL
 * @param benchmark the benchmark ({@code gsm8k}, {@code math}, ...)
 * @param itemId the item (file and line)
 * @param kind {@code ngram} or {@code exact}
 * @param matchedText the normalised tokens that matched
 * @param action {@code dropped}, or {@code reported} in report-only mode
 */
public record DecontamMatch(String docId, String url, String benchmark, String itemId, String kind, String matchedText, String action)
    implements java.io.Serializable {}

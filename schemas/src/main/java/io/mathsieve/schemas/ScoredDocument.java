package io.mathsieve.schemas;

/**
 * A page's math score in one iteration of the classifier: one row of {@code scores/iter-N}.
 *
 * @param docId the page
 * @param url its URL
 * @param domain its domain (host or registered domain, as configured)
 * @param lang its language
 * @param textChars length of its full text
 * @param tokens tokens it counts for against the collection budget
 * @param score P(math) from the iteration's model
 * @param modelVersion the model's version
 * @param iteration the iteration (1-based)
 */
public record ScoredDocument(
    String docId, String url, String domain, String lang, int textChars, long tokens, double score, String modelVersion, int iteration)
    implements java.io.Serializable {}

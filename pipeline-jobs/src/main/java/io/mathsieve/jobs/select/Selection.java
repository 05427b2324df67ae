package io.mathsieve.jobs.select;

import java.io.Serializable;

/**
 * What the classifier said about a page: its final score ({@code finalScore} true), or that an
 * earlier iteration collected it.
 *
 * @param docId the page
 * @param score its score in {@code iteration}
 * @param iteration the iteration
 * @param finalScore whether this is the final iteration's score
 */
public record Selection(String docId, double score, int iteration, boolean finalScore) implements Serializable {}

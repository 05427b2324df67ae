package io.mathsieve.jobs.dedup;

import io.mathsieve.schemas.TextDocument;

/**
 * A page on its way through URL and exact dedup: the document (text already capped for the pages
 * store) with its two dedup keys, computed once from the full text.
 *
 * @param doc the page
 * @param canonicalUrl the URL dedup key
 * @param contentHash the exact dedup key (hex)
 */
public record DedupCandidate(TextDocument doc, String canonicalUrl, String contentHash) implements java.io.Serializable {}

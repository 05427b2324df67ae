package io.mathsieve.jobs.select;

import io.mathsieve.schemas.CorpusRow;
import java.io.Serializable;

/**
 * A collected page whose pages-store text is a prefix: its full text must be re-read from the WARC.
 *
 * @param row the corpus row, with the prefix as text
 * @param textChars the length of the full text
 */
public record Truncated(CorpusRow row, int textChars) implements Serializable {}

package io.mathsieve.extract;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.DropReason.Means;

/** Why an HTML page did not become a text document. Stage {@code extract}. */
@DropReason.Stage("extract")
public enum ExtractReason implements DropReason {
  @Means("The math prefilter (extract.prefilter) found no sign of math in the page's bytes.")
  NO_MATH_SIGNAL,
  @Means("The body is binary (control bytes in its first kilobyte) although it was served as HTML.")
  BINARY_BODY,
  @Means("The HTML nests deeper than extract.max-dom-depth elements.")
  DOM_TOO_DEEP,
  @Means("Extraction took longer than extract.max-time.")
  TIMEOUT,
  @Means("Nothing readable was left after boilerplate removal (fewer than extract.min-text-chars chars).")
  EMPTY_TEXT
}

package io.mathsieve.extract;

import io.mathsieve.schemas.DropReason;

/** Why an HTML page did not become a text document. Stage {@code extract}. */
public enum ExtractReason implements DropReason {
  NO_MATH_SIGNAL("The math prefilter (extract.prefilter) found no sign of math in the page's bytes."),
  BINARY_BODY("The body is binary (control bytes in its first kilobyte) although it was served as HTML."),
  DOM_TOO_DEEP("The HTML nests deeper than extract.max-dom-depth elements."),
  TIMEOUT("Extraction took longer than extract.max-time."),
  EMPTY_TEXT("Nothing readable was left after boilerplate removal (fewer than extract.min-text-chars chars).");

  private final String description;

  ExtractReason(String description) {
    this.description = description;
  }

  @Override
  public String stage() {
    return "extract";
  }

  @Override
  public String description() {
    return description;
  }
}

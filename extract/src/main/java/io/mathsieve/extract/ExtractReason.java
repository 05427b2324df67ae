package io.mathsieve.extract;

import io.mathsieve.schemas.DropReason;

/** Why an HTML page did not become a text document. Stage {@code extract}. */
public enum ExtractReason implements DropReason {
  NO_MATH_SIGNAL("no_math_signal", "The math prefilter (extract.prefilter) found no sign of math in the page's bytes."),
  BINARY_BODY("binary_body", "The body is binary (control bytes in its first kilobyte) although it was served as HTML."),
  DOM_TOO_DEEP("dom_too_deep", "The HTML nests deeper than extract.max-dom-depth elements."),
  TIMEOUT("timeout", "Extraction took longer than extract.max-time."),
  EMPTY_TEXT("empty_text", "Nothing readable was left after boilerplate removal (fewer than extract.min-text-chars chars).");

  private final String code;
  private final String description;

  ExtractReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String stage() {
    return "extract";
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }
}

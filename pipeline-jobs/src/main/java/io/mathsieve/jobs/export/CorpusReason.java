package io.mathsieve.jobs.export;

import io.mathsieve.schemas.DropReason;

/** Why a collected page did not reach the corpus while its full text was assembled. Stage {@code corpus}. */
public enum CorpusReason implements DropReason {
  FULL_TEXT_UNAVAILABLE("full_text_unavailable",
      "The pages store kept only a prefix of the text and the full text could not be re-read from the WARC file (moved, changed, "
          + "unreadable, or extracted by another extractor version); the detail says which.");

  private final String code;
  private final String description;

  CorpusReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String stage() {
    return "corpus";
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

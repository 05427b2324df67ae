package io.mathsieve.jobs.export;

import io.mathsieve.schemas.DropReason;

/** Why a collected page did not reach the corpus while its full text was assembled. Stage {@code corpus}. */
public enum CorpusReason implements DropReason {
  FULL_TEXT_UNAVAILABLE("The pages store kept only a prefix of the text and the full text could not be re-read from the WARC file (moved, changed, "
          + "unreadable, or extracted by another extractor version); the detail says which.");

  private final String description;

  CorpusReason(String description) {
    this.description = description;
  }

  @Override
  public String stage() {
    return "corpus";
  }

  @Override
  public String description() {
    return description;
  }
}

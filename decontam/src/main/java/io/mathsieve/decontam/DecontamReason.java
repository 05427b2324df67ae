package io.mathsieve.decontam;

import io.mathsieve.schemas.DropReason;

/** Why a document was removed as benchmark contamination. Stage {@code decontam}. */
public enum DecontamReason implements DropReason {
  NGRAM("The document contains an n-gram (10 tokens by default) of a benchmark item (question, answer, or spanning both)."),
  EXACT("The document contains the whole normalised text of a short benchmark item (3 to n-1 tokens).");

  private final String description;

  DecontamReason(String description) {
    this.description = description;
  }

  @Override
  public String stage() {
    return "decontam";
  }

  @Override
  public String description() {
    return description;
  }
}

package io.mathsieve.classifiers.iterate;

import io.mathsieve.schemas.DropReason;

/** Why a page did not enter the corpus at the classifier. Stage {@code classify}. */
public enum ClassifyReason implements DropReason {
  NOT_COLLECTED("The final iteration's classifier did not collect the page: its math score is below the collection threshold (set by the token "
          + "budget or by iterate.threshold); the detail gives both.");

  private final String description;

  ClassifyReason(String description) {
    this.description = description;
  }

  @Override
  public String stage() {
    return "classify";
  }

  @Override
  public String description() {
    return description;
  }
}

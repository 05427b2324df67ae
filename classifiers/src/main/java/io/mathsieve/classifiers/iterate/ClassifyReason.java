package io.mathsieve.classifiers.iterate;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.DropReason.Means;

/** Why a page did not enter the corpus at the classifier. Stage {@code classify}. */
@DropReason.Stage("classify")
public enum ClassifyReason implements DropReason {
  @Means("The final iteration's classifier did not collect the page: its math score is below the collection threshold (set by the token "
          + "budget or by iterate.threshold); the detail gives both.")
  NOT_COLLECTED
}

package io.mathsieve.jobs.export;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.DropReason.Means;

/** Why a collected page did not reach the corpus while its full text was assembled. Stage {@code corpus}. */
@DropReason.Stage("corpus")
public enum CorpusReason implements DropReason {
  @Means("The pages store kept only a prefix of the text and the full text could not be re-read from the WARC file (moved, changed, "
          + "unreadable, or extracted by another extractor version); the detail says which.")
  FULL_TEXT_UNAVAILABLE
}

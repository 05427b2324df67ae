package io.mathsieve.decontam;

import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.DropReason.Means;

/** Why a document was removed as benchmark contamination. Stage {@code decontam}. */
@DropReason.Stage("decontam")
public enum DecontamReason implements DropReason {
  @Means("The document contains an n-gram (10 tokens by default) of a benchmark item (question, answer, or spanning both).")
  NGRAM,
  @Means("The document contains the whole normalised text of a short benchmark item (3 to n-1 tokens).")
  EXACT
}

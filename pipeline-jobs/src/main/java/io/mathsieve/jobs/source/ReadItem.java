package io.mathsieve.jobs.source;

import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;

/** An item read from a split, with the position to resume from once it has been emitted. */
record ReadItem(WarcItem item, long resumeOffset, long resumeSkip, WarcFileStats statsSoFar) {}

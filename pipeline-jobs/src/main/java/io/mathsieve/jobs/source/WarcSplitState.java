package io.mathsieve.jobs.source;

import io.mathsieve.schemas.WarcFileStats;

/** The mutable reading position of a split, updated after every emitted item. */
final class WarcSplitState {
  private final String location;
  private final String name;
  private long offset;
  private long skip;
  private WarcFileStats stats;

  WarcSplitState(WarcSplit split) {
    this.location = split.location();
    this.name = split.name();
    this.offset = split.offset();
    this.skip = split.skip();
    this.stats = split.statsSoFar();
  }

  void advance(long offset, long skip, WarcFileStats stats) {
    this.offset = offset;
    this.skip = skip;
    this.stats = stats;
  }

  WarcSplit toSplit() {
    return new WarcSplit(location, name, offset, skip, stats);
  }
}

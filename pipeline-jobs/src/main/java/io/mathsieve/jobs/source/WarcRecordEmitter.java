package io.mathsieve.jobs.source;

import io.mathsieve.schemas.WarcItem;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/** Emits an item and moves its split's resume position past it, atomically with respect to checkpoints. */
final class WarcRecordEmitter implements RecordEmitter<ReadItem, WarcItem, WarcSplitState> {
  @Override
  public void emitRecord(ReadItem e, SourceOutput<WarcItem> output, WarcSplitState state) {
    output.collect(e.item());
    state.advance(e.resumeOffset(), e.resumeSkip(), e.statsSoFar());
  }
}

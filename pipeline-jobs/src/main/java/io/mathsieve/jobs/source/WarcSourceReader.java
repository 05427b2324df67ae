package io.mathsieve.jobs.source;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.schemas.WarcItem;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/** The source reader of one parallel subtask: asks for a file, reads it, asks for the next. */
final class WarcSourceReader extends SingleThreadMultiplexSourceReaderBase<ReadItem, WarcItem, WarcSplit, WarcSplitState> {

  WarcSourceReader(WarcConfig config, SourceReaderContext context) {
    super(() -> new WarcSplitReader(config), new WarcRecordEmitter(), new Configuration(), context);
  }

  @Override
  public void start() {
    if (getNumberOfCurrentlyAssignedSplits() == 0) {
      context.sendSplitRequest();
    }
  }

  @Override
  protected void onSplitFinished(Map<String, WarcSplitState> finished) {
    context.sendSplitRequest();
  }

  @Override
  protected WarcSplitState initializedState(WarcSplit split) {
    return new WarcSplitState(split);
  }

  @Override
  protected WarcSplit toSplitType(String splitId, WarcSplitState state) {
    return state.toSplit();
  }
}

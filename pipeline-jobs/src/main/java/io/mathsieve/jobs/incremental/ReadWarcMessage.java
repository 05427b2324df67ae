package io.mathsieve.jobs.incremental;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcInput;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.WarcItem;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** The records of a {@link WarcMessage}, read with the batch reader: broken ones are rejections, as in files. */
public final class ReadWarcMessage implements FlatMapFunction<WarcMessage, WarcItem> {
  private final WarcConfig config;

  public ReadWarcMessage(WarcConfig config) {
    this.config = config;
  }

  @Override
  public void flatMap(WarcMessage m, Collector<WarcItem> out) {
    try (WarcRecordReader reader = new WarcRecordReader(WarcInput.bytes(m.bytes(), m.name()), config)) {
      for (WarcItem item; (item = reader.next()) != null; ) {
        out.collect(item);
      }
    } catch (Exception e) {
      out.collect(WarcItem.of(Rejection.of(WarcReason.UNREADABLE_FILE, DocIds.ofLocation(m.name(), 0), "",
          e.getClass().getSimpleName() + ": " + e.getMessage(), m.name(), 0)));
    }
  }
}

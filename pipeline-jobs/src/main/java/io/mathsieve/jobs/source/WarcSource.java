package io.mathsieve.jobs.source;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.schemas.WarcItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded Flink source over WARC files: each file is a split, handed to readers on request,
 * read record by record (never loaded whole), checkpointed at record boundaries. Emits one
 * {@link WarcItem} per response record (a page or a rejection) and one per file (its stats).
 *
 * <pre>{@code
 * DataStream<WarcItem> items = env.fromSource(new WarcSource(splits, WarcConfig.defaults()),
 *     WatermarkStrategy.noWatermarks(), "warc-source");
 * }</pre>
 */
public final class WarcSource implements Source<WarcItem, WarcSplit, Collection<WarcSplit>>, ResultTypeQueryable<WarcItem> {
  private final List<WarcSplit> splits;
  private final WarcConfig config;

  public WarcSource(List<WarcSplit> splits, WarcConfig config) {
    this.splits = new ArrayList<>(splits);
    this.config = config;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<WarcItem, WarcSplit> createReader(SourceReaderContext context) {
    return new WarcSourceReader(config, context);
  }

  @Override
  public SplitEnumerator<WarcSplit, Collection<WarcSplit>> createEnumerator(SplitEnumeratorContext<WarcSplit> context) {
    return new WarcEnumerator(context, splits);
  }

  @Override
  public SplitEnumerator<WarcSplit, Collection<WarcSplit>> restoreEnumerator(
      SplitEnumeratorContext<WarcSplit> context, Collection<WarcSplit> checkpoint) {
    return new WarcEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<WarcSplit> getSplitSerializer() {
    return WarcSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<Collection<WarcSplit>> getEnumeratorCheckpointSerializer() {
    return new WarcEnumeratorStateSerializer();
  }

  @Override
  public TypeInformation<WarcItem> getProducedType() {
    return TypeInformation.of(WarcItem.class);
  }
}

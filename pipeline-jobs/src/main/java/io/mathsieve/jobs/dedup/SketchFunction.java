package io.mathsieve.jobs.dedup;

import io.mathsieve.schemas.StoredDocument;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.store.DocAdapter;

import io.mathsieve.dedup.minhash.MinHashConfig;
import io.mathsieve.dedup.minhash.MinHasher;
import io.mathsieve.dedup.minhash.NearDupSketcher;
import io.mathsieve.jobs.dedup.NearDedupRecords.BandMember;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeInfo;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeShingles;
import io.mathsieve.jobs.run.StageCounters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sketches each document: one bucket membership per LSH band, and its node info on the side (and,
 * for exact-Jaccard verification, its shingle set).
 */
final class SketchFunction<T extends StoredDocument> extends ProcessFunction<T, BandMember> {
  static final OutputTag<NodeInfo> NODES = new OutputTag<>("nodes", TypeInformation.of(NodeInfo.class));
  static final OutputTag<NodeShingles> SHINGLES = new OutputTag<>("shingles", TypeInformation.of(NodeShingles.class));

  private final MinHashConfig config;
  private final DocAdapter<T> adapter;
  private final boolean shingleSets;
  private transient NearDupSketcher sketcher;
  private transient StageCounters counters;

  SketchFunction(MinHashConfig config, DocAdapter<T> adapter, boolean shingleSets) {
    this.config = config;
    this.adapter = adapter;
    this.shingleSets = shingleSets;
  }

  @Override
  public void open(OpenContext context) {
    sketcher = new NearDupSketcher(config);
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(T row, Context ctx, Collector<BandMember> out) {
    String docId = adapter.docId(row);
    long node = NearDedupRecords.node(docId);
    ctx.output(NODES, new NodeInfo(node, docId, adapter.score(row), adapter.fetchMillis(row)));
    counters.inc(Count.NEAR_TOTAL);
    if (!sketcher.sketch(adapter.text(row))) {
      return;
    }
    if (shingleSets) {
      ctx.output(SHINGLES, new NodeShingles(node, sketcher.shingleSet())); // the sketch's shingles, not a second pass
    }
    byte[] bits = MinHasher.lowBits(sketcher.signature());
    for (long key : sketcher.bandKeys()) {
      out.collect(new BandMember(key, node, bits));
    }
  }
}

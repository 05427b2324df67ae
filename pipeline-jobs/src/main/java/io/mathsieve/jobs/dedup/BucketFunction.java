package io.mathsieve.jobs.dedup;

import io.mathsieve.dedup.minhash.MinHasher;
import io.mathsieve.jobs.dedup.NearDedupRecords.BandMember;
import io.mathsieve.jobs.dedup.NearDedupRecords.Edge;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * One LSH bucket: links every member to the bucket's smallest node (a star, k-1 edges for k members,
 * never k²), when their signature sketches estimate a Jaccard similarity of at least the configured
 * minimum. Buckets of one member produce nothing.
 */
final class BucketFunction extends EndOfKeyFunction<Long, BandMember, Edge> {
  private final double minSimilarity;
  private transient ListState<BandMember> members;
  private transient StageCounters counters;

  BucketFunction(double minSimilarity) {
    this.minSimilarity = minSimilarity;
  }

  @Override
  public void open(OpenContext context) {
    members = getRuntimeContext().getListState(new ListStateDescriptor<>("members", TypeInformation.of(BandMember.class)));
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(BandMember m, Context ctx, Collector<Edge> out) throws Exception {
    if (!members.get().iterator().hasNext()) {
      atEndOfKey(ctx);
    }
    members.add(m);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Edge> out) throws Exception {
    BandMember head = null;
    int size = 0;
    for (BandMember m : members.get()) {
      size++;
      if (head == null || m.node() < head.node()) {
        head = m;
      }
    }
    if (size > 1) {
      for (BandMember m : members.get()) {
        if (m.node() == head.node()) {
          continue;
        }
        if (MinHasher.estimatedJaccard(head.sketch(), m.sketch()) >= minSimilarity) {
          out.collect(new Edge(head.node(), m.node()));
          counters.inc(Count.NEAR_CANDIDATE_PAIRS);
        } else {
          counters.inc(Count.NEAR_PAIRS_BELOW_SIMILARITY);
        }
      }
    }
    members.clear();
  }
}

package io.mathsieve.jobs.dedup;

import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.EndOfKeyJoin;
import io.mathsieve.jobs.store.DocAdapter;

import io.mathsieve.dedup.DedupReason;
import io.mathsieve.dedup.DuplicateOrder;
import io.mathsieve.jobs.dedup.NearDedupRecords.Assignment;
import io.mathsieve.jobs.dedup.NearDedupRecords.Decision;
import io.mathsieve.jobs.dedup.NearDedupRecords.Member;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeInfo;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.ClusterMember;
import io.mathsieve.schemas.Rejection;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** From converged stars to decisions, and from decisions to kept rows and rejections. */
final class ClusterFunctions {
  private ClusterFunctions() {}

  /**
   * Joins a node's cluster (if any) with its info: a member of its cluster, keyed by the cluster's
   * root. A node that two documents share is marked, keeping the smaller doc id's info.
   */
  static final class MemberJoin extends EndOfKeyJoin<Long, Assignment, NodeInfo, Member> {
    private transient ValueState<Long> root;
    private transient ValueState<NodeInfo> info;
    private transient ValueState<Boolean> shared;

    @Override
    public void open(OpenContext context) {
      root = getRuntimeContext().getState(new ValueStateDescriptor<>("root", Types.LONG));
      info = getRuntimeContext().getState(new ValueStateDescriptor<>("info", TypeInformation.of(NodeInfo.class)));
      shared = getRuntimeContext().getState(new ValueStateDescriptor<>("shared", Types.BOOLEAN));
    }

    @Override
    protected void first(Assignment a) throws Exception {
      Long r = root.value();
      root.update(r == null ? a.root() : Math.min(r, a.root()));
    }

    @Override
    protected void second(NodeInfo n) throws Exception {
      NodeInfo before = info.value();
      if (before != null && !before.docId().equals(n.docId())) {
        shared.update(true);
      }
      if (before == null || n.docId().compareTo(before.docId()) < 0) {
        info.update(n);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Member> out) throws Exception {
      Long r = root.value();
      NodeInfo n = info.value();
      if (r != null && n != null) {
        out.collect(new Member(r, n.node(), n.docId(), n.score(), n.fetchMillis(), shared.value() != null));
      }
      root.clear();
      info.clear();
      shared.clear();
    }
  }

  /**
   * One cluster: keeps the member with the highest score, then the earliest fetch, then the smallest
   * id. A cluster holding a node that two documents share may join unrelated pages, so every member
   * of it is kept (counted as {@code dedup.near.node_collisions}).
   */
  static final class Decide extends EndOfKeyFunction<Long, Member, Decision> {
    private transient ListState<Member> members;
    private transient StageCounters counters;

    @Override
    public void open(OpenContext context) {
      members = getRuntimeContext().getListState(new ListStateDescriptor<>("members", TypeInformation.of(Member.class)));
      counters = new StageCounters(getRuntimeContext());
    }

    @Override
    public void processElement(Member m, Context ctx, Collector<Decision> out) throws Exception {
      if (!members.get().iterator().hasNext()) {
        atEndOfKey(ctx);
      }
      members.add(m);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Decision> out) throws Exception {
      List<Member> all = new ArrayList<>();
      members.get().forEach(all::add);
      members.clear();
      Member keep = all.get(0);
      String clusterId = keep.docId();
      for (Member m : all) {
        if (DuplicateOrder.nearKeepOrder(m.score(), m.fetchMillis(), m.docId(), keep.score(), keep.fetchMillis(), keep.docId()) < 0) {
          keep = m;
        }
        if (m.docId().compareTo(clusterId) < 0) {
          clusterId = m.docId();
        }
      }
      boolean shared = all.stream().anyMatch(Member::shared);
      if (shared) {
        counters.inc(Count.NEAR_NODE_COLLISIONS);
      }
      for (Member m : all) {
        out.collect(new Decision(m.node(), m.docId(), clusterId, all.size(), shared ? m.docId() : keep.docId()));
      }
    }
  }

  /** Applies decisions to full rows: kept rows pass, the others become {@code dedup/near} rejections. */
  static final class Apply<T> extends EndOfKeyJoin<Long, T, Decision, T> {
    static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("near-rejections", TypeInformation.of(Rejection.class));
    static final OutputTag<ClusterMember> CLUSTERS = new OutputTag<>("clusters", TypeInformation.of(ClusterMember.class));
    /** Clusters resolved: counted where each cluster's kept member passes, so nothing re-reads the clusters store. */

    private final DocAdapter<T> adapter;
    private final TypeInformation<T> type;
    private transient ListState<T> rows;
    private transient ValueState<Decision> decision;
    private transient StageCounters counters;

    Apply(DocAdapter<T> adapter, TypeInformation<T> type) {
      this.adapter = adapter;
      this.type = type;
    }

    @Override
    public void open(OpenContext context) {
      rows = getRuntimeContext().getListState(new ListStateDescriptor<>("rows", type));
      decision = getRuntimeContext().getState(new ValueStateDescriptor<>("decision", TypeInformation.of(Decision.class)));
      counters = new StageCounters(getRuntimeContext());
    }

    @Override
    protected void first(T row) throws Exception {
      rows.add(row);
    }

    @Override
    protected void second(Decision d) throws Exception {
      decision.update(d);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) throws Exception {
      Decision d = decision.value();
      for (T row : rows.get()) {
        String id = adapter.docId(row);
        if (d == null || !d.docId().equals(id)) {
          counters.inc(Count.NEAR_FORWARDED);
          out.collect(row); // not in any cluster (or a 64-bit node collision, kept to be safe)
          continue;
        }
        boolean kept = d.keptDocId().equals(id);
        ctx.output(CLUSTERS, new ClusterMember(id, d.clusterId(), d.clusterSize(), kept, d.keptDocId()));
        if (d.clusterId().equals(id)) {
          counters.inc(Count.NEAR_CLUSTERS); // at the member that names the cluster: once per cluster
        }
        if (kept) {
          counters.inc(Count.NEAR_FORWARDED);
          out.collect(adapter.withClusterSize(row, d.clusterSize()));
        } else {
          Rejection r = adapter.reject(row, DedupReason.NEAR,
              "near-duplicate of " + d.keptDocId() + " (cluster " + d.clusterId() + " of " + d.clusterSize() + ")");
          counters.dropped(r);
          ctx.output(REJECTIONS, r);
        }
      }
      rows.clear();
      decision.clear();
    }
  }
}

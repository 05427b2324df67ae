package io.mathsieve.jobs.dedup;

import io.mathsieve.schemas.StoredDocument;
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
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
    MemberJoin() {
      super(TypeInformation.of(Assignment.class), TypeInformation.of(NodeInfo.class));
    }

    @Override
    protected void decide(Iterable<Assignment> assignments, Iterable<NodeInfo> infos, OnTimerContext ctx, Collector<Member> out) {
      Long root = null;
      for (Assignment a : assignments) {
        root = root == null ? a.root() : Math.min(root, a.root());
      }
      NodeInfo info = null;
      boolean shared = false;
      for (NodeInfo n : infos) {
        shared |= info != null && !info.docId().equals(n.docId());
        if (info == null || n.docId().compareTo(info.docId()) < 0) {
          info = n;
        }
      }
      if (root != null && info != null) {
        out.collect(new Member(root, info.node(), info.docId(), info.score(), info.fetchMillis(), shared));
      }
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
  static final class Apply<T extends StoredDocument> extends EndOfKeyJoin<Long, T, Decision, T> {
    static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("near-rejections", TypeInformation.of(Rejection.class));
    static final OutputTag<ClusterMember> CLUSTERS = new OutputTag<>("clusters", TypeInformation.of(ClusterMember.class));
    /** Clusters resolved: counted where each cluster's kept member passes, so nothing re-reads the clusters store. */

    private final DocAdapter<T> adapter;

    Apply(DocAdapter<T> adapter, TypeInformation<T> type) {
      super(type, TypeInformation.of(Decision.class));
      this.adapter = adapter;
    }

    @Override
    protected void decide(Iterable<T> rows, Iterable<Decision> decisions, OnTimerContext ctx, Collector<T> out) {
      Decision d = last(decisions);
      for (T row : rows) {
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
    }
  }
}

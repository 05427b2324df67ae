package io.mathsieve.jobs.dedup;

import io.mathsieve.jobs.dedup.NearDedupRecords.Edge;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Connected components by alternating Large-Star and Small-Star (Kiveris et al., "Connected
 * Components in MapReduce and Beyond", SoCC 2014): each step groups a node with its neighbours
 * (every edge is seen from both ends) and rewires edges towards the smallest node, until every
 * component is a star around its smallest node. Each step is one keyed, distributed pass; nothing
 * is collected on one task.
 */
final class StarFunctions {
  private StarFunctions() {}

  /** Base: collects a node's neighbours (deduplicated, sorted) and hands them over when the key is complete. */
  abstract static class NeighbourFunction extends EndOfKeyFunction<Long, Edge, Edge> {
    private transient ListState<Long> neighbours;

    @Override
    public void open(OpenContext context) {
      neighbours = getRuntimeContext().getListState(new ListStateDescriptor<>("neighbours", Types.LONG));
    }

    /** The edge as seen from its key: {@code a} is the key, {@code b} the neighbour. */
    @Override
    public void processElement(Edge e, Context ctx, Collector<Edge> out) throws Exception {
      if (!neighbours.get().iterator().hasNext()) {
        atEndOfKey(ctx);
      }
      if (e.b() != e.a()) {
        neighbours.add(e.b());
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Edge> out) throws Exception {
      TreeSet<Long> n = new TreeSet<>();
      neighbours.get().forEach(n::add);
      neighbours.clear();
      step(ctx.getCurrentKey(), n, out);
    }

    abstract void step(long u, TreeSet<Long> neighbours, Collector<Edge> out);
  }

  /** Large-Star: link every larger neighbour of u to the smallest node of u's neighbourhood. */
  static final class LargeStar extends NeighbourFunction {
    @Override
    void step(long u, TreeSet<Long> n, Collector<Edge> out) {
      long m = n.isEmpty() ? u : Math.min(u, n.first());
      for (long v : n.tailSet(u, false)) {
        out.collect(new Edge(v, m));
      }
    }
  }

  /** Small-Star: link u and its smaller neighbours to the smallest of them. */
  static final class SmallStar extends NeighbourFunction {
    @Override
    void step(long u, TreeSet<Long> n, Collector<Edge> out) {
      TreeSet<Long> smaller = new TreeSet<>(n.headSet(u, true));
      smaller.add(u);
      long m = smaller.first();
      for (long v : smaller) {
        if (v != m) {
          out.collect(new Edge(v, m));
        }
      }
    }
  }

  /** Counts nodes that break the star shape (a non-centre with more than one neighbour) and passes edges on. */
  static final class StarCheck extends NeighbourFunction {
    private transient StageCounters counters;

    @Override
    public void open(OpenContext context) {
      super.open(context);
      counters = new StageCounters(getRuntimeContext());
    }

    @Override
    void step(long u, TreeSet<Long> n, Collector<Edge> out) {
      boolean centre = n.isEmpty() || u < n.first();
      if (!centre && n.size() > 1) {
        counters.inc(Count.NEAR_CC_NOT_STAR); // 0 in a round means converged
      }
      for (long v : n) {
        if (u < v) {
          out.collect(new Edge(u, v));
        }
      }
    }
  }
}

package io.mathsieve.jobs.dedup;

import io.mathsieve.dedup.minhash.ExactJaccard;
import io.mathsieve.jobs.dedup.NearDedupRecords.Edge;
import io.mathsieve.jobs.dedup.NearDedupRecords.HalfEdge;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeShingles;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.EndOfKeyJoin;
import io.mathsieve.jobs.run.StageCounters;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Exact-Jaccard verification of candidate edges ({@code dedup.near.exact-jaccard}), as two keyed
 * joins so that no task holds more than one document's shingles and its edges: the first end's
 * shingle set travels with the edge to the second end, where the similarity is computed. Every
 * document's shingle set goes to both joins, and a first end's set once more per candidate edge.
 * Keys complete at the end of input (batch mode).
 */
final class VerifyFunctions {
  private static final TypeInformation<long[]> SHINGLES = PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO;

  private VerifyFunctions() {}

  /** Keyed by the first end: sends each distinct edge on with this end's shingles. */
  static final class AttachFirst extends EndOfKeyJoin<Long, Edge, NodeShingles, HalfEdge> {
    private transient ListState<Long> others;
    private transient ValueState<long[]> shingles;

    @Override
    public void open(OpenContext context) {
      others = getRuntimeContext().getListState(new ListStateDescriptor<>("others", Types.LONG));
      shingles = getRuntimeContext().getState(new ValueStateDescriptor<>("shingles", SHINGLES));
    }

    @Override
    protected void first(Edge e) throws Exception {
      others.add(e.b());
    }

    @Override
    protected void second(NodeShingles s) throws Exception {
      shingles.update(s.shingles());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HalfEdge> out) throws Exception {
      long[] mine = shingles.value();
      if (mine != null) {
        TreeSet<Long> distinct = new TreeSet<>(); // one pair can come from several bands
        others.get().forEach(distinct::add);
        for (long b : distinct) {
          out.collect(new HalfEdge(ctx.getCurrentKey(), b, mine));
        }
      }
      others.clear();
      shingles.clear();
    }
  }

  /** Keyed by the second end: keeps the edges whose exact Jaccard similarity reaches the minimum. */
  static final class CompareSecond extends EndOfKeyJoin<Long, HalfEdge, NodeShingles, Edge> {
    private final double minSimilarity;
    private transient ListState<HalfEdge> halves;
    private transient ValueState<long[]> shingles;
    private transient StageCounters counters;

    CompareSecond(double minSimilarity) {
      this.minSimilarity = minSimilarity;
    }

    @Override
    public void open(OpenContext context) {
      halves = getRuntimeContext().getListState(new ListStateDescriptor<>("halves", TypeInformation.of(HalfEdge.class)));
      shingles = getRuntimeContext().getState(new ValueStateDescriptor<>("shingles", SHINGLES));
      counters = new StageCounters(getRuntimeContext());
    }

    @Override
    protected void first(HalfEdge h) throws Exception {
      halves.add(h);
    }

    @Override
    protected void second(NodeShingles s) throws Exception {
      shingles.update(s.shingles());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Edge> out) throws Exception {
      long[] mine = shingles.value();
      if (mine != null) {
        for (HalfEdge h : halves.get()) {
          if (ExactJaccard.of(h.shinglesA(), mine) >= minSimilarity) {
            counters.inc(Count.NEAR_PAIRS_EXACT_VERIFIED);
            out.collect(new Edge(h.a(), h.b()));
          } else {
            counters.inc(Count.NEAR_PAIRS_BELOW_EXACT_JACCARD);
          }
        }
      }
      halves.clear();
      shingles.clear();
    }
  }
}

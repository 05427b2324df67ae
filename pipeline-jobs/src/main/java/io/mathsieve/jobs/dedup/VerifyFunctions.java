package io.mathsieve.jobs.dedup;

import io.mathsieve.dedup.minhash.ExactJaccard;
import io.mathsieve.jobs.dedup.NearDedupRecords.Edge;
import io.mathsieve.jobs.dedup.NearDedupRecords.HalfEdge;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeShingles;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.EndOfKeyJoin;
import java.util.TreeSet;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * Exact-Jaccard verification of candidate edges ({@code dedup.near.exact-jaccard}), as two keyed
 * joins so that no task holds more than one document's shingles and its edges: the first end's
 * shingle set travels with the edge to the second end, where the similarity is computed. Every
 * document's shingle set goes to both joins, and a first end's set once more per candidate edge.
 * Keys complete at the end of input (batch mode).
 */
final class VerifyFunctions {

  private VerifyFunctions() {}

  /** Keyed by the first end: sends each distinct edge on with this end's shingles. */
  static final class AttachFirst extends EndOfKeyJoin<Long, Edge, NodeShingles, HalfEdge> {
    AttachFirst() {
      super(TypeInformation.of(Edge.class), TypeInformation.of(NodeShingles.class));
    }

    @Override
    protected void decide(Iterable<Edge> edges, Iterable<NodeShingles> shingles, OnTimerContext ctx, Collector<HalfEdge> out) {
      NodeShingles mine = last(shingles);
      if (mine != null) {
        TreeSet<Long> distinct = new TreeSet<>(); // one pair can come from several bands
        edges.forEach(e -> distinct.add(e.b()));
        for (long b : distinct) {
          out.collect(new HalfEdge(ctx.getCurrentKey(), b, mine.shingles()));
        }
      }
    }
  }

  /** Keyed by the second end: keeps the edges whose exact Jaccard similarity reaches the minimum. */
  static final class CompareSecond extends EndOfKeyJoin<Long, HalfEdge, NodeShingles, Edge> {
    private final double minSimilarity;

    CompareSecond(double minSimilarity) {
      super(TypeInformation.of(HalfEdge.class), TypeInformation.of(NodeShingles.class));
      this.minSimilarity = minSimilarity;
    }

    @Override
    protected void decide(Iterable<HalfEdge> halves, Iterable<NodeShingles> shingles, OnTimerContext ctx, Collector<Edge> out) {
      NodeShingles mine = last(shingles);
      if (mine != null) {
        for (HalfEdge h : halves) {
          if (ExactJaccard.of(h.shinglesA(), mine.shingles()) >= minSimilarity) {
            counters.inc(Count.NEAR_PAIRS_EXACT_VERIFIED);
            out.collect(new Edge(h.a(), h.b()));
          } else {
            counters.inc(Count.NEAR_PAIRS_BELOW_EXACT_JACCARD);
          }
        }
      }
    }
  }
}

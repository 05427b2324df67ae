package io.mathsieve.jobs.dedup;

import io.mathsieve.jobs.dedup.NearDedupRecords.Edge;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeInfo;
import io.mathsieve.schemas.store.StoreSchema;

/** Stores near-dedup keeps between its jobs (under the output's {@code .work} directory, removed when done). */
final class WorkStores {
  private WorkStores() {}

  static final StoreSchema<Edge> EDGES =
      StoreSchema.<Edge>builder("cc_edges", 1, "Candidate graph edges between node ids.")
          .int64("a", "One end.", Edge::a)
          .int64("b", "The other end.", Edge::b)
          .build(r -> new Edge(r.int64("a"), r.int64("b")));

  static final StoreSchema<NodeInfo> NODES =
      StoreSchema.<NodeInfo>builder("cc_nodes", 1, "Every document's node id and keep-policy inputs.")
          .int64("node", "64-bit node id.", NodeInfo::node)
          .string("doc_id", "Document id.", NodeInfo::docId)
          .float64("score", "Math score.", NodeInfo::score)
          .timestampMillis("fetch_time", "Fetch time.", NodeInfo::fetchMillis)
          .build(r -> new NodeInfo(r.int64("node"), r.string("doc_id"), r.float64("score"), r.timestampMillis("fetch_time")));

}

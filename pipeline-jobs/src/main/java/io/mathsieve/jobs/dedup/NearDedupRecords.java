package io.mathsieve.jobs.dedup;

import java.io.Serializable;

/**
 * The small records near-dedup passes between its steps. Node ids are the first 64 bits of doc
 * ids: two documents can share one (about 3e-5 odds among 35M collected documents, far more
 * among billions). Such a node joins the two documents' neighbourhoods into one cluster that
 * nothing real connects, so a cluster with a shared node drops nothing ({@link
 * ClusterFunctions.Decide}) and the collision is counted ({@code dedup.near.node_collisions}).
 */
public final class NearDedupRecords {
  private NearDedupRecords() {}

  /** A document's membership of one LSH bucket, with its 8-bit signature sketch for verification. */
  public record BandMember(long bucket, long node, byte[] sketch) implements Serializable {}

  /** An undirected edge of the candidate graph. */
  public record Edge(long a, long b) implements Serializable {}

  /** A document's distinct shingle hashes, sorted, for exact-Jaccard verification. */
  public record NodeShingles(long node, long[] shingles) implements Serializable {}

  /** A candidate edge carrying its first end's shingle set to its second end. */
  public record HalfEdge(long a, long b, long[] shinglesA) implements Serializable {}

  /** What the keep policy needs to know about a document. */
  public record NodeInfo(long node, String docId, double score, long fetchMillis) implements Serializable {}

  /** A document's cluster, named by its smallest node. */
  public record Assignment(long node, long root) implements Serializable {}

  /** A cluster member with what the keep policy needs; {@code shared}: another document has the same node id. */
  public record Member(long root, long node, String docId, double score, long fetchMillis, boolean shared) implements Serializable {}

  /** The outcome for one clustered document. */
  public record Decision(long node, String docId, String clusterId, int clusterSize, String keptDocId) implements Serializable {}

  /** The 64-bit node id of a (hex) document id. */
  public static long node(String docId) {
    String head = docId.length() > 16 ? docId.substring(0, 16) : docId;
    try {
      return Long.parseUnsignedLong(head, 16);
    } catch (NumberFormatException e) {
      return io.mathsieve.hash.Murmur3.hash64(docId, 0);
    }
  }
}

package io.mathsieve.dedup.cluster;

import io.mathsieve.dedup.minhash.MinHashConfig;
import io.mathsieve.dedup.minhash.MinHasher;
import io.mathsieve.dedup.minhash.NearDupSketcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicate clusters of a collection held in memory: sketch, bucket by band key, link each
 * bucket's members to its smallest id when their 8-bit signature sketches estimate a Jaccard
 * similarity of at least {@code minSimilarity}, then take connected components. The reference the distributed job is checked
 * against, and the tool for small collections.
 */
public final class LocalNearDedup {
  private LocalNearDedup() {}

  /** Each document's cluster, named by the smallest id in it; documents without words are alone. */
  public static Map<String, String> clusters(Map<String, String> textsById, MinHashConfig config, double minSimilarity) {
    NearDupSketcher sketcher = new NearDupSketcher(config);
    Map<String, byte[]> signatures = new HashMap<>();
    Map<Long, List<String>> buckets = new HashMap<>();
    UnionFind<String> uf = new UnionFind<>();
    textsById.keySet().stream().sorted().forEach(id -> {
      uf.add(id);
      if (sketcher.sketch(textsById.get(id))) {
        signatures.put(id, MinHasher.lowBits(sketcher.signature()));
        for (long key : sketcher.bandKeys()) {
          buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
        }
      }
    });
    for (List<String> members : buckets.values()) {
      String head = members.stream().min(String::compareTo).orElseThrow();
      for (String m : members) {
        if (!m.equals(head) && MinHasher.estimatedJaccard(signatures.get(head), signatures.get(m)) >= minSimilarity) {
          uf.union(head, m);
        }
      }
    }
    return uf.components();
  }
}

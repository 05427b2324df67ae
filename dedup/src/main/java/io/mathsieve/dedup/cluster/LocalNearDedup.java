package io.mathsieve.dedup.cluster;

import io.mathsieve.dedup.minhash.ExactJaccard;
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
    return clusters(textsById, config, minSimilarity, false);
  }

  /**
   * As above; with {@code exactJaccard}, a candidate pair is merged only if the exact Jaccard
   * similarity of their shingle sets is also at least {@code minSimilarity}.
   */
  public static Map<String, String> clusters(Map<String, String> textsById, MinHashConfig config, double minSimilarity, boolean exactJaccard) {
    NearDupSketcher sketcher = new NearDupSketcher(config);
    Map<String, byte[]> signatures = new HashMap<>();
    Map<String, long[]> shingleSets = new HashMap<>();
    Map<Long, List<String>> buckets = new HashMap<>();
    UnionFind<String> uf = new UnionFind<>();
    textsById.keySet().stream().sorted().forEach(id -> {
      uf.add(id);
      if (sketcher.sketch(textsById.get(id))) {
        signatures.put(id, MinHasher.lowBits(sketcher.signature()));
        if (exactJaccard) {
          shingleSets.put(id, sketcher.shingleSet());
        }
        for (long key : sketcher.bandKeys()) {
          buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
        }
      }
    });
    for (List<String> members : buckets.values()) {
      String head = members.stream().min(String::compareTo).orElseThrow();
      for (String m : members) {
        if (!m.equals(head) && MinHasher.estimatedJaccard(signatures.get(head), signatures.get(m)) >= minSimilarity
            && (!exactJaccard || ExactJaccard.of(shingleSets.get(head), shingleSets.get(m)) >= minSimilarity)) {
          uf.union(head, m);
        }
      }
    }
    return uf.components();
  }
}

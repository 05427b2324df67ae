package io.mathsieve.dedup.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * Connected components of a graph given edge by edge, in memory: the reference the distributed
 * cluster computation is tested against, and the tool for small inputs. Union by size, path halving.
 */
public final class UnionFind<T extends Comparable<T>> {
  private final Map<T, T> parent = new HashMap<>();
  private final Map<T, Integer> size = new HashMap<>();

  public void add(T node) {
    parent.putIfAbsent(node, node);
    size.putIfAbsent(node, 1);
  }

  public void union(T a, T b) {
    T ra = find(a);
    T rb = find(b);
    if (ra.equals(rb)) {
      return;
    }
    if (size.get(ra) < size.get(rb)) {
      T t = ra;
      ra = rb;
      rb = t;
    }
    parent.put(rb, ra);
    size.put(ra, size.get(ra) + size.get(rb));
  }

  public T find(T node) {
    add(node);
    T x = node;
    while (!parent.get(x).equals(x)) {
      T grand = parent.get(parent.get(x));
      parent.put(x, grand);
      x = grand;
    }
    return x;
  }

  /** Each node's component, named by the smallest node in it. */
  public Map<T, T> components() {
    Map<T, T> smallest = new HashMap<>();
    for (T n : parent.keySet()) {
      smallest.merge(find(n), n, (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    Map<T, T> out = new HashMap<>();
    for (T n : parent.keySet()) {
      out.put(n, smallest.get(find(n)));
    }
    return out;
  }
}

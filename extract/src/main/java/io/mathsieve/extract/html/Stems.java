package io.mathsieve.extract.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of lower-case stems, and whether a string contains any of them, in one scan: the
 * stems are bucketed by their first char, so each position of the string is compared only with the
 * few stems that start with its char. Class and id values of every block are tested against the
 * chrome and content word lists, so this runs for most elements of every page.
 *
 * <pre>{@code
 * Stems s = new Stems("comment", "sidebar");
 * s.foundIn("post-comments-area")  // true
 * }</pre>
 */
final class Stems {
  private final String[][] byFirst = new String[128][];

  Stems(String... stems) {
    List<List<String>> buckets = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      buckets.add(new ArrayList<>());
    }
    for (String s : stems) {
      char c = s.charAt(0);
      if (c >= 128 || !s.equals(s.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("stems must be lower-case ASCII: " + s);
      }
      buckets.get(c).add(s);
    }
    for (int i = 0; i < 128; i++) {
      byFirst[i] = buckets.get(i).isEmpty() ? null : buckets.get(i).toArray(new String[0]);
    }
  }

  /** Whether {@code s} contains a stem, ignoring ASCII case. */
  boolean foundIn(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        s = s.toLowerCase(java.util.Locale.ROOT); // rare in class names: compare case-sensitively after it
        break;
      }
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String[] bucket = c < 128 ? byFirst[c] : null;
      if (bucket == null) {
        continue;
      }
      for (String stem : bucket) {
        if (s.startsWith(stem, i)) {
          return true;
        }
      }
    }
    return false;
  }
}

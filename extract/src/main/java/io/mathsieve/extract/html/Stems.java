package io.mathsieve.extract.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of lower-case stems, and whether a string contains any of them, in one scan: a
 * position of the string is compared with stems only when its first two chars begin one (a table
 * of the 128 x 128 ASCII pairs), and then only with the stems that start with its char. Class and
 * id values of every block are tested against the chrome and content word lists, so this runs for
 * most elements of every page (JFR: comparing every position with its first char's stems was 5% of
 * extraction, the pair table makes most positions one load).
 *
 * <pre>{@code
 * Stems s = new Stems("comment", "sidebar");
 * s.foundIn("post-comments-area")  // true
 * }</pre>
 */
final class Stems {
  private final String[][] byFirst = new String[128][];
  /** {@code pairs[c << 7 | d]}: some stem starts with chars c and d. */
  private final boolean[] pairs = new boolean[128 * 128];

  Stems(String... stems) {
    List<List<String>> buckets = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      buckets.add(new ArrayList<>());
    }
    for (String s : stems) {
      char c = s.charAt(0);
      if (s.length() < 2 || s.chars().anyMatch(ch -> ch >= 128) || !s.equals(s.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("stems must be lower-case ASCII of at least 2 chars: " + s);
      }
      buckets.get(c).add(s);
      pairs[c << 7 | s.charAt(1)] = true;
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
        n = s.length();
        break;
      }
    }
    for (int i = 0; i + 1 < n; i++) {
      char c = s.charAt(i);
      char d = s.charAt(i + 1);
      if ((c | d) >= 128 || !pairs[c << 7 | d]) {
        continue;
      }
      for (String stem : byFirst[c]) {
        if (s.startsWith(stem, i)) {
          return true;
        }
      }
    }
    return false;
  }
}

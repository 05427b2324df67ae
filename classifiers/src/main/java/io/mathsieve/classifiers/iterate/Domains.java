package io.mathsieve.classifiers.iterate;

import java.util.Locale;
import java.util.Set;

/**
 * How pages group into domains for domain discovery: by host ({@code math.stackexchange.com}), or by
 * registered domain ({@code stackexchange.com}). The registered domain is the last two labels of the
 * host, or three under a known two-label public suffix ({@code co.uk}, {@code com.cn}, {@code edu.au},
 * ...): an approximation of the Public Suffix List, which is not shipped.
 */
public final class Domains {
  /** The grouping. */
  public enum Grouping {
    HOST,
    REGISTERED_DOMAIN
  }

  private static final Set<String> SECOND_LEVEL =
      Set.of("co", "com", "net", "org", "edu", "gov", "ac", "or", "ne", "go", "mil", "nic", "sch", "ltd", "plc", "gob", "nom");

  private Domains() {}

  /**
   * Whether a domain is a math domain: at least {@code minPages} pages (one collected page of two
   * says little about a domain), and more than {@code minShare} of them collected.
   */
  public static boolean isMathDomain(long pages, long collected, int minPages, double minShare) {
    return pages >= minPages && pages > 0 && (double) collected / pages > minShare;
  }

  public static String of(String host, Grouping grouping) {
    String h = host.toLowerCase(Locale.ROOT);
    if (grouping == Grouping.HOST) {
      return h;
    }
    String[] labels = h.split("\\.");
    if (labels.length <= 2) {
      return h;
    }
    int take = labels[labels.length - 1].length() == 2 && SECOND_LEVEL.contains(labels[labels.length - 2]) ? 3 : 2;
    StringBuilder out = new StringBuilder();
    for (int i = labels.length - take; i < labels.length; i++) {
      out.append(i == labels.length - take ? "" : ".").append(labels[i]);
    }
    return out.toString();
  }
}

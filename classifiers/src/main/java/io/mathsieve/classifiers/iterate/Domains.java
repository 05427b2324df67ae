package io.mathsieve.classifiers.iterate;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * How pages group into domains for domain discovery: by host ({@code math.stackexchange.com}), or by
 * registered domain ({@code stackexchange.com}): the label below the host's public suffix in the
 * Public Suffix List, ICANN and private entries alike (Guava's {@link InternetDomainName}), so
 * {@code cam.ac.uk} and every {@code user.github.io} site are domains of their own. Hosts the list
 * does not cover ({@code localhost}, made-up suffixes) keep their last two labels; an IP address is
 * its own domain.
 */
public final class Domains {
  /** The grouping. */
  public enum Grouping {
    HOST,
    REGISTERED_DOMAIN
  }

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
    if (InetAddresses.isUriInetAddress(h) || InetAddresses.isInetAddress(h)) {
      return h; // an IP address is one domain
    }
    if (InternetDomainName.isValid(h)) {
      InternetDomainName name = InternetDomainName.from(h);
      if (name.isUnderPublicSuffix()) {
        return name.topPrivateDomain().toString();
      }
      if (name.isPublicSuffix()) {
        return h; // a host that is itself a suffix (github.io): nothing above it to group by
      }
    }
    int last = h.lastIndexOf('.');
    int second = last <= 0 ? -1 : h.lastIndexOf('.', last - 1);
    return second < 0 ? h : h.substring(second + 1);
  }
}

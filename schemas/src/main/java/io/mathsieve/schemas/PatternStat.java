package io.mathsieve.schemas;

/**
 * One URL pattern (host and first path segment) in one iteration, with the evidence for accepting it.
 *
 * @param pattern {@code host/segment}
 * @param domain the domain it belongs to
 * @param pages pages under it
 * @param collected of them, collected in this iteration
 * @param share {@code collected / pages}
 * @param accepted whether its uncollected pages join the seed
 * @param source {@code mined} (accepted automatically), {@code annotation} (included by the user),
 *     {@code excluded} (excluded by the user), or {@code none}
 * @param iteration the iteration
 */
public record PatternStat(String pattern, String domain, long pages, long collected, double share, boolean accepted, String source, int iteration)
    implements java.io.Serializable {}

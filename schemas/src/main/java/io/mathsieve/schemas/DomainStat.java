package io.mathsieve.schemas;

/**
 * One domain in one iteration: how many of its pages were collected.
 *
 * @param domain the domain
 * @param pages its pages in the store
 * @param collected of them, collected in this iteration
 * @param share {@code collected / pages}
 * @param mathDomain whether the share is over the math-domain threshold
 * @param iteration the iteration
 */
public record DomainStat(String domain, long pages, long collected, double share, boolean mathDomain, int iteration)
    implements java.io.Serializable {}

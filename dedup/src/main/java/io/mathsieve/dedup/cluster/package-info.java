/** Duplicate clusters: connected components of candidate pairs. */
package io.mathsieve.dedup.cluster;

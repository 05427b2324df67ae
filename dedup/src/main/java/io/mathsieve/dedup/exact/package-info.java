/** Exact-content dedup keys. */
package io.mathsieve.dedup.exact;

/** URL canonicalisation for URL dedup. */
package io.mathsieve.dedup.url;

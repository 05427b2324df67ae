/** Deduplication: canonical URLs, content hashes, MinHash LSH, and which duplicate to keep. */
package io.mathsieve.dedup;

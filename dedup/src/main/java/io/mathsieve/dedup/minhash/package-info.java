/** MinHash LSH: shingles, signatures, band keys, and the S-curve of a setting. */
package io.mathsieve.dedup.minhash;

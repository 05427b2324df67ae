/** Dedup as Flink operators: URL and exact dedup in extraction, MinHash LSH near-dedup as its own job. */
package io.mathsieve.jobs.dedup;

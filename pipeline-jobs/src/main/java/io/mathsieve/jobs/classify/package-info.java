/** The classifier as Flink jobs: train (seed, pattern positives, sampled negatives), score, analyse domains and patterns, grow the seed; IterateDriver runs the loop. */
package io.mathsieve.jobs.classify;

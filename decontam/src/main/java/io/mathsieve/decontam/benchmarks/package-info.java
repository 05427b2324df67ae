/** Benchmark test sets in their published formats. */
package io.mathsieve.decontam.benchmarks;

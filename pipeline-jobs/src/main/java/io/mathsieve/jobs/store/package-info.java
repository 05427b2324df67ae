/** Parquet stores: writers for Flink sinks and tools, readers for later stages and tests. */
package io.mathsieve.jobs.store;

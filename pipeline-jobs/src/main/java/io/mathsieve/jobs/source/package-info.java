/** A bounded Flink source over WARC files: file splits, on-demand assignment, record-level checkpoints. */
package io.mathsieve.jobs.source;

/** Decontamination against benchmarks, without Flink: its config and drop reasons; loading in benchmarks, n-grams in analysis, the index in index. */
package io.mathsieve.decontam;

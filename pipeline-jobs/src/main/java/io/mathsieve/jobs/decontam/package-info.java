/** Decontamination as a Flink job: the benchmark index loaded once per TaskManager, each page scanned, hits rejected with the benchmark item. */
package io.mathsieve.jobs.decontam;

/** The command line: one entry point for the launcher and for flink run. */
package io.mathsieve.jobs.cli;

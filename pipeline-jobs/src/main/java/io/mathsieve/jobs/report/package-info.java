/** The build's HTML report: funnel, per-stage counts, iterations and corpus figures, from run.json and the stage summaries. */
package io.mathsieve.jobs.report;

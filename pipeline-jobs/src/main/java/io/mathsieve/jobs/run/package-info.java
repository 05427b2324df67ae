/**
 * Running jobs and their bookkeeping: how and where jobs run ({@link io.mathsieve.jobs.run.Jobs},
 * {@link io.mathsieve.jobs.run.ClusterTarget}, progress lines), output directories, counters and
 * metrics, the run summary, and the end-of-key join the batch jobs share.
 */
package io.mathsieve.jobs.run;

/** Run bookkeeping: output directories, counters and metrics, the run summary. */
package io.mathsieve.jobs.run;

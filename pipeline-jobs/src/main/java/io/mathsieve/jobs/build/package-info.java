/** The build: stages in order with resumable markers, fingerprints of inputs and config, and the decontamination accounting. */
package io.mathsieve.jobs.build;

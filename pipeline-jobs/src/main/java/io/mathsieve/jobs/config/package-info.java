/** The typed configuration of a run: every stage's options in one checked object. */
package io.mathsieve.jobs.config;

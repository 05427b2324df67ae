/** The incremental job: announced WARC files or records from Kafka, extracted, deduplicated against keyed history, scored and committed exactly once. */
package io.mathsieve.jobs.incremental;

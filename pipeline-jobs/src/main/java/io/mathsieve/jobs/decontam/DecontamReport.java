package io.mathsieve.jobs.decontam;

import io.mathsieve.jobs.run.JobSummary;
import java.util.List;
import java.util.Map;

/**
 * The decontamination job's {@code decontam-report.json}: the index's setting, per benchmark the
 * items indexed, found and the documents they removed, and the documents read, kept and removed by
 * reason.
 *
 * @param ignoredNonwordNgrams n-grams of the benchmarks left out of the index for having no word
 * @param ignoredSharedNgrams n-grams left out for standing in more than {@code maxItemsPerNgram} items
 * @param rejections removed documents by reason key, as the job counted them (none in report mode)
 */
public record DecontamReport(String command, int ngram, long ignoredNonwordNgrams, long ignoredSharedNgrams, int maxItemsPerNgram, String mode,
    List<Benchmark> benchmarks, String index, String input, String output, String started, double durationSeconds, long documents, long kept,
    long removed, Map<String, Long> rejections) implements JobSummary {

  /** One benchmark: what of it was indexed, and what of it was found in the documents. */
  public record Benchmark(String benchmark, String fields, long ngrams, long itemsIndexed, long itemsTooShort, long itemsFound, long documentsMatched,
      long documentsRemoved) {}
}

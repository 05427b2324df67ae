package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.math.TrainingPlan;
import io.mathsieve.classifiers.math.Validation;
import io.mathsieve.jobs.run.JobSummary;
import java.util.List;
import java.util.Map;

/**
 * What one iteration trained on and how its model validated, as written to
 * {@code iter-N/training.json} and inside the iteration's summary (keys in snake case).
 *
 * @param negativesFrom the negatives file given, or the rate at which they were sampled from the pages store
 * @param sources the seed corpora and pattern-positive stores the positives came from
 * @param classifier the {@code classify.*} settings, as configured
 * @param plan the epochs and learning rate the training used, and why
 * @param validatedBy how the examples were validated (cross-fitting or a held-out share)
 * @param negativesSetAside sampled negatives that scored as math and were left out of the model
 * @param validation fastText's own validation
 * @param validationCombined the validation of fastText combined with the math signals, or null without a combiner
 * @param combiner the combiner's weights, or null without one
 */
public record TrainingReport(long seedPositives, long patternPositives, long negatives, long negativesFromMathDomains, String negativesFrom,
    List<String> sources, String model, String modelVersion, Map<String, String> classifier, TrainingPlan plan, String validatedBy,
    int negativesSetAside, Validation validation, Validation validationCombined, double[] combiner) implements JobSummary {}

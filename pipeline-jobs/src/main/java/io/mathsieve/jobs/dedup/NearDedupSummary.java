package io.mathsieve.jobs.dedup;

import io.mathsieve.jobs.run.JobSummary;
import java.util.Map;

/**
 * The near-dedup job's {@code dedup.json}: the MinHash LSH setting and its S-curve, documents read,
 * kept and dropped, clusters, and the graph's figures, with the config that made them.
 *
 * @param catchProbability the chance a pair of each Jaccard similarity shares a band, keyed by the similarity
 * @param nodeCollisions clusters left whole because two documents' node ids collided (see {@link NearDedupRecords})
 * @param candidateLinks pairs sharing a band, counted once per band
 * @param pairsExactVerified candidate pairs compared on their full shingle sets; null when {@code exactJaccard} is off
 * @param pairsBelowExactJaccard of those, pairs below the similarity; null when {@code exactJaccard} is off
 */
public record NearDedupSummary(String command, String input, String output, String started, double durationSeconds, String setting,
    Map<String, Double> catchProbability, double threshold, double minSimilarity, long rows, long kept, long droppedNearDuplicates, long clusters,
    long nodeCollisions, long candidateLinks, long pairsBelowSimilarity, boolean exactJaccard, Long pairsExactVerified, Long pairsBelowExactJaccard,
    int componentRounds, Map<String, String> config, String configFingerprint) implements JobSummary {}

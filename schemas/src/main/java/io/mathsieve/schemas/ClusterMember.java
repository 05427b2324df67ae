package io.mathsieve.schemas;

/**
 * A document's place in a near-duplicate cluster.
 *
 * @param docId the document
 * @param clusterId the cluster, named by its smallest doc id
 * @param clusterSize documents in the cluster
 * @param kept whether this is the document kept
 * @param keptDocId the cluster's kept document
 */
public record ClusterMember(String docId, String clusterId, int clusterSize, boolean kept, String keptDocId) implements java.io.Serializable {}

package io.mathsieve.jobs.run;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;

/**
 * Where jobs run: a local MiniCluster (the default), or a Flink session cluster reached through its
 * REST endpoint ({@code mathsieve submit --jobmanager HOST:PORT}), to which every job of the
 * command is submitted with the job jar. The driver (stage markers, summaries, manifests) stays in
 * this process, so output paths must be visible to it and to the TaskManagers alike.
 */
public final class ClusterTarget {
  private static volatile Configuration remote;
  private static volatile String restUrl;

  private ClusterTarget() {}

  /** Sends every following job to the session cluster at {@code host:port}, shipping {@code jars}. */
  public static void remote(String host, int port, List<String> jars) {
    Configuration c = new Configuration();
    c.set(DeploymentOptions.TARGET, "remote");
    c.set(RestOptions.ADDRESS, host);
    c.set(RestOptions.PORT, port);
    c.set(PipelineOptions.JARS, jars);
    c.set(DeploymentOptions.ATTACHED, true);
    remote = c;
    restUrl = "http://" + host + ":" + port;
  }

  public static void local() {
    remote = null;
    restUrl = null;
  }

  /** The remote configuration, or null for local execution. */
  public static Configuration remoteConfiguration() {
    return remote == null ? null : new Configuration(remote);
  }

  /** The cluster's REST URL, or null for local execution. */
  public static String restUrl() {
    return restUrl;
  }
}

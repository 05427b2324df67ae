package io.mathsieve.jobs.run;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * Where jobs run: a new local MiniCluster per job ({@link #LOCAL}); one MiniCluster that this process
 * started and shares between jobs ({@link SharedMiniCluster}, for the benchmark, so that cluster
 * start-up does not blur per-page costs); or a Flink session cluster reached through its REST
 * endpoint ({@code mathsieve submit --jobmanager HOST:PORT}), to which every job of the command is
 * submitted with the job jar. The driver (stage markers, summaries, manifests) stays in this
 * process, so output paths must be visible to it and to the TaskManagers alike.
 *
 * @param remote the remote execution settings, or null for local execution
 * @param restUrl the cluster's REST URL, or null for local execution
 * @param shared a running MiniCluster to execute on, or null
 */
public record ClusterTarget(Configuration remote, String restUrl, MiniCluster shared) {
  public static final ClusterTarget LOCAL = new ClusterTarget(null, null, null);

  /** The session cluster at {@code host:port}, to which every job ships {@code jars}. */
  public static ClusterTarget remote(String host, int port, List<String> jars) {
    Configuration c = new Configuration();
    c.set(DeploymentOptions.TARGET, "remote");
    c.set(RestOptions.ADDRESS, host);
    c.set(RestOptions.PORT, port);
    c.set(PipelineOptions.JARS, jars);
    c.set(DeploymentOptions.ATTACHED, true);
    return new ClusterTarget(c, "http://" + host + ":" + port, null);
  }

  /** A copy of the remote configuration, or null for local execution. */
  public Configuration remoteConfiguration() {
    return remote == null ? null : new Configuration(remote);
  }
}

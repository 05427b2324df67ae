package io.mathsieve.jobs.run;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.taskexecutor.TaskExecutorResourceUtils;

/** One MiniCluster for many jobs, until closed: its {@link #target()} runs each job on it instead of on a new one. */
public final class SharedMiniCluster implements AutoCloseable {
  private final MiniCluster cluster;

  private SharedMiniCluster(MiniCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts a MiniCluster of one TaskManager with {@code slots} slots. */
  public static SharedMiniCluster start(int slots) throws Exception {
    Configuration conf = TaskExecutorResourceUtils.adjustForLocalExecution(new Configuration());
    MiniCluster cluster = new MiniCluster(
        new MiniClusterConfiguration.Builder().setConfiguration(conf).setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build());
    cluster.start();
    return new SharedMiniCluster(cluster);
  }

  public ClusterTarget target() {
    return new ClusterTarget(null, null, cluster);
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}

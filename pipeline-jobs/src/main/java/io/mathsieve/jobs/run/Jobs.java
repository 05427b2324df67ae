package io.mathsieve.jobs.run;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How a command runs its Flink jobs: how wide, and where ({@link ClusterTarget}). Handed from the
 * CLI through the drivers to every job, so no job reads where it runs from shared state.
 *
 * @param parallelism parallelism of every job (0: Flink's default)
 * @param target a local MiniCluster or a session cluster
 */
public record Jobs(int parallelism, ClusterTarget target) {
  /** Jobs on a local MiniCluster of {@code parallelism}. */
  public static Jobs local(int parallelism) {
    return new Jobs(parallelism, ClusterTarget.LOCAL);
  }

  /** A batch-mode environment on this target (see {@link JobRunner#batchEnvironment}). */
  public StreamExecutionEnvironment batchEnvironment() {
    return JobRunner.batchEnvironment(parallelism, target);
  }

  /** Runs the job {@code name}. */
  public JobExecutionResult execute(StreamExecutionEnvironment env, String name) throws Exception {
    return JobRunner.execute(env, name, 0, target);
  }

  /** Runs the job {@code name}, which reads {@code files} WARC files (for the progress line). */
  public JobExecutionResult execute(StreamExecutionEnvironment env, String name, long files) throws Exception {
    return JobRunner.execute(env, name, files, target);
  }
}

package io.mathsieve.jobs.run;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How a command runs its Flink jobs: how wide, where ({@link ClusterTarget}) and with which progress
 * lines. Handed from the CLI through the drivers to every job, so no job reads how it runs from
 * shared state.
 *
 * @param parallelism parallelism of every job (0: Flink's default)
 * @param target a local MiniCluster or a session cluster
 * @param progress where progress lines go while a job runs
 */
public record Jobs(int parallelism, ClusterTarget target, Progress progress) {
  /** Jobs on a local MiniCluster of {@code parallelism}, without progress lines. */
  public static Jobs local(int parallelism) {
    return new Jobs(parallelism, ClusterTarget.LOCAL, Progress.NONE);
  }

  /** A batch-mode environment on this target (see {@link JobRunner#batchEnvironment}). */
  public StreamExecutionEnvironment batchEnvironment() {
    return JobRunner.batchEnvironment(parallelism, target);
  }

  /** Runs the job {@code name}. */
  public JobExecutionResult execute(StreamExecutionEnvironment env, String name) throws Exception {
    return JobRunner.execute(env, name, 0, this);
  }

  /** Runs the job {@code name}, which reads {@code files} WARC files (for the progress line). */
  public JobExecutionResult execute(StreamExecutionEnvironment env, String name, long files) throws Exception {
    return JobRunner.execute(env, name, files, this);
  }
}

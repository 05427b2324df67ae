package io.mathsieve.jobs.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a job and, when the CLI asked for it, reports progress while it runs: WARC files done out of
 * the total, records, records/s, elapsed time and ETA, from the job's accumulators. On a terminal
 * the line updates in place every second; otherwise one line per 15 s ({@link Progress}). On a cluster
 * the same counters are Flink metrics per operator in the Web UI.
 */
public final class JobRunner {
  private JobRunner() {}

  /**
   * A batch-mode environment with object reuse (records are immutable, so reuse is safe and saves
   * copies): local, or on the session cluster of {@code mathsieve submit}.
   */
  static StreamExecutionEnvironment batchEnvironment(int parallelism, ClusterTarget target) {
    // Heartbeats carry accumulators to the job manager: on a local MiniCluster, every 2 s so the
    // progress line moves (a cluster keeps its own setting).
    org.apache.flink.configuration.Configuration remote = target.remoteConfiguration();
    StreamExecutionEnvironment env;
    if (remote != null) {
      env = new StreamExecutionEnvironment(remote);
    } else {
      org.apache.flink.configuration.Configuration local = new org.apache.flink.configuration.Configuration();
      local.set(org.apache.flink.configuration.HeartbeatManagerOptions.HEARTBEAT_INTERVAL, java.time.Duration.ofSeconds(2));
      env = StreamExecutionEnvironment.getExecutionEnvironment(local);
    }
    env.setRuntimeMode(org.apache.flink.api.common.RuntimeExecutionMode.BATCH);
    if (parallelism > 0) {
      env.setParallelism(parallelism);
    }
    env.getConfig().enableObjectReuse();
    return env;
  }

  /** Runs the job {@code name} as {@code jobs} says; {@code files} is the number of WARC files it reads (0: none). */
  static JobExecutionResult execute(StreamExecutionEnvironment env, String name, long files, Jobs jobs) throws Exception {
    JobCosts.Start costs = JobCosts.start();
    JobExecutionResult r = run(env, name, files, jobs.target(), jobs.progress());
    JobCosts.end(costs, name);
    return r;
  }

  private static JobExecutionResult run(StreamExecutionEnvironment env, String name, long files, ClusterTarget target, Progress progress)
      throws Exception {
    org.apache.flink.runtime.minicluster.MiniCluster cluster = target.shared();
    if (cluster != null) {
      org.apache.flink.streaming.api.graph.StreamGraph graph = env.getStreamGraph();
      graph.setJobName(name);
      return cluster.executeJobBlocking(graph.getJobGraph());
    }
    Consumer<String> out = progress.lines();
    String rest = target.restUrl();
    if (out == null && rest == null) {
      return env.execute(name);
    }
    JobClient client = env.executeAsync(name);
    if (rest != null) {
      System.err.println("submitted " + name + ": job " + client.getJobID() + ", " + rest + "/jobs/" + client.getJobID()
          + " (Web UI: " + rest + "/#/job/running/" + client.getJobID() + "/overview)");
      if (out == null) {
        return client.getJobExecutionResult().get();
      }
    }
    CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
    long start = System.nanoTime();
    Duration interval = progress.every();
    boolean terminal = progress.inPlace();
    boolean printed = false;
    while (true) {
      try {
        JobExecutionResult r = result.get(interval.toMillis(), TimeUnit.MILLISECONDS);
        if (printed && terminal) {
          System.err.print("\r\u001b[K");
        }
        return r;
      } catch (TimeoutException e) {
        Map<String, Object> acc;
        try {
          acc = client.getAccumulators().get(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException slow) {
          continue;
        }
        out.accept(line(name, acc, files, (System.nanoTime() - start) / 1e9));
        printed = true;
      } catch (ExecutionException e) {
        if (printed && terminal) {
          System.err.println();
        }
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
    }
  }

  /** One progress line from the accumulators so far. */
  static String line(String name, Map<String, Object> acc, long files, double seconds) {
    long records = 0;
    for (Map.Entry<String, Object> e : acc.entrySet()) {
      if ((e.getKey().endsWith(".total") || e.getKey().equals("export.rows")) && e.getValue() instanceof Number n) {
        records = Math.max(records, n.longValue());
      }
    }
    StringBuilder b = new StringBuilder(name.replace("mathsieve ", "")).append(':');
    long done = Counts.of(acc).get(Count.WARC_FILES);
    if (files > 0) {
      b.append(String.format(Locale.ROOT, " %d/%d WARC files,", done, files));
    }
    b.append(String.format(Locale.ROOT, " %,d records, %,.0f records/s, %s elapsed", records, seconds > 0 ? records / seconds : 0, clock(seconds)));
    if (files > 0 && done > 0 && done < files) {
      b.append(", ETA ").append(clock(seconds * (files - done) / done));
    }
    return b.toString();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}

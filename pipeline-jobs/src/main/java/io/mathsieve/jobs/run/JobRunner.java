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
 * the line updates in place every second; otherwise one line per {@link #LOG_INTERVAL}. On a cluster
 * the same counters are Flink metrics per operator in the Web UI.
 */
public final class JobRunner {
  static final Duration TERMINAL_INTERVAL = Duration.ofSeconds(1);
  static final Duration LOG_INTERVAL = Duration.ofSeconds(15);

  private static volatile Consumer<String> sink;
  private static volatile boolean terminal;
  private static volatile Duration interval = LOG_INTERVAL;
  private static volatile org.apache.flink.runtime.minicluster.MiniCluster shared;

  /**
   * Runs every job of this process on one MiniCluster of {@code slots} slots until the returned
   * handle is closed, instead of one new MiniCluster per job: what the benchmark needs so that
   * cluster start-up does not blur per-page costs.
   */
  public static AutoCloseable sharedMiniCluster(int slots) throws Exception {
    org.apache.flink.configuration.Configuration conf =
        org.apache.flink.runtime.taskexecutor.TaskExecutorResourceUtils.adjustForLocalExecution(new org.apache.flink.configuration.Configuration());
    org.apache.flink.runtime.minicluster.MiniCluster cluster = new org.apache.flink.runtime.minicluster.MiniCluster(
        new org.apache.flink.runtime.minicluster.MiniClusterConfiguration.Builder().setConfiguration(conf).setNumTaskManagers(1)
            .setNumSlotsPerTaskManager(slots).build());
    cluster.start();
    shared = cluster;
    return () -> {
      shared = null;
      cluster.close();
    };
  }

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

  /** Sends progress lines to {@code lines} (null: none); {@code inPlace} rewrites one terminal line. */
  public static void progressTo(Consumer<String> lines, boolean inPlace) {
    progressTo(lines, inPlace, inPlace ? TERMINAL_INTERVAL : LOG_INTERVAL);
  }

  /** As above, a line every {@code every}. */
  public static void progressTo(Consumer<String> lines, boolean inPlace, Duration every) {
    sink = lines;
    terminal = inPlace;
    interval = every;
  }

  /** Progress on stderr, in place when it is a terminal. */
  public static void progressToStderr() {
    boolean tty = System.console() != null;
    progressTo(tty ? line -> System.err.print("\r" + line + "\u001b[K") : System.err::println, tty);
  }

  /** Runs the job {@code name} on {@code target}; {@code files} is the number of WARC files it reads (0: none). */
  static JobExecutionResult execute(StreamExecutionEnvironment env, String name, long files, ClusterTarget target) throws Exception {
    JobCosts.Start costs = JobCosts.start();
    JobExecutionResult r = run(env, name, files, target);
    JobCosts.end(costs, name);
    return r;
  }

  private static JobExecutionResult run(StreamExecutionEnvironment env, String name, long files, ClusterTarget target) throws Exception {
    org.apache.flink.runtime.minicluster.MiniCluster cluster = shared;
    if (cluster != null) {
      org.apache.flink.streaming.api.graph.StreamGraph graph = env.getStreamGraph();
      graph.setJobName(name);
      return cluster.executeJobBlocking(graph.getJobGraph());
    }
    Consumer<String> out = sink;
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
    Duration interval = JobRunner.interval;
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

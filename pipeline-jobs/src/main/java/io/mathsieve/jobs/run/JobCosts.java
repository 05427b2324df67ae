package io.mathsieve.jobs.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What each job of this process cost, for the scale benchmark: wall time, CPU time of the whole
 * process (every thread: a local MiniCluster's tasks run here) and the peak heap left after a
 * garbage collection while the job ran. Appends one JSON line per job to the file named by the
 * system property {@value #PROPERTY}; without it, nothing is measured.
 *
 * <p>The heap after an ordinary collection includes old-generation garbage not yet collected, so it
 * can grow with a job's length though nothing live does. With {@value #LIVE_PROBE_PROPERTY} set to
 * a period in milliseconds, a probe thread forces a full collection at that period while the job
 * runs and records the largest heap left after one: the live set itself (for the benchmark only:
 * each full collection stops the job for a moment). It also records the median of those: the peak
 * of a longer job samples more moments, so it catches more of the largest pages in flight, which
 * the median does not.
 */
public final class JobCosts {
  public static final String PROPERTY = "mathsieve.job-costs";
  public static final String LIVE_PROBE_PROPERTY = "mathsieve.job-costs.live-probe-ms";
  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
  private static final java.util.List<Long> LIVE_SAMPLES = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private static volatile boolean listening;

  private JobCosts() {}

  /** A job's start, or null when costs are not recorded. */
  static Start start() {
    String file = System.getProperty(PROPERTY);
    if (file == null) {
      return null;
    }
    listen();
    PEAK_AFTER_GC.set(0);
    LIVE_SAMPLES.clear();
    Thread probe = null;
    String period = System.getProperty(LIVE_PROBE_PROPERTY);
    if (period != null) {
      long ms = Long.parseLong(period);
      probe = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          probeLive();
          try {
            Thread.sleep(ms);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "job-costs-live-probe");
      probe.setDaemon(true);
      probe.start();
    }
    return new Start(Path.of(file), System.nanoTime(), processCpu(), probe);
  }

  record Start(Path file, long wallNanos, double cpuSeconds, Thread probe) {}

  /** One sample of the live heap: a full collection, then the heap in use. */
  static void probeLive() {
    System.gc(); // a full collection (G1 unless -XX:+ExplicitGCInvokesConcurrent): what is left is live
    LIVE_SAMPLES.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** Appends the job's line. */
  static void end(Start s, String job) {
    if (s == null) {
      return;
    }
    if (s.probe() != null) {
      s.probe().interrupt();
      try {
        s.probe().join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      probeLive(); // a job shorter than the period is measured once at its end
    }
    long peak = PEAK_AFTER_GC.get();
    if (peak == 0) { // no collection during the job: what is in use now bounds it
      peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
    ObjectNode o = RunSummary.json().createObjectNode();
    o.put("job", job);
    o.put("wall_s", (System.nanoTime() - s.wallNanos()) / 1e9);
    o.put("cpu_s", processCpu() - s.cpuSeconds());
    o.put("peak_heap_after_gc_bytes", peak);
    if (s.probe() != null) {
      long[] samples;
      synchronized (LIVE_SAMPLES) {
        samples = LIVE_SAMPLES.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      o.put("peak_live_heap_bytes", samples[samples.length - 1]);
      o.put("median_live_heap_bytes", samples[samples.length / 2]);
      o.put("live_heap_samples", samples.length);
    }
    o.put("max_heap_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
    try {
      Files.writeString(s.file(), o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static synchronized void listen() {
    if (listening) {
      return;
    }
    listening = true;
    java.util.Set<String> heapPools = new java.util.HashSet<>();
    for (var p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == java.lang.management.MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, handback) -> {
          if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
          }
          var info = com.sun.management.GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = 0;
          for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
              MemoryUsage u = e.getValue();
              used += u.getUsed();
            }
          }
          PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
        }, null, null);
      }
    }
  }
}

package io.mathsieve.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the calling thread, in seconds: what a single-threaded stage costs, whatever else the machine does. */
final class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuClock() {}

  static double now() {
    return THREADS.getCurrentThreadCpuTime() / 1e9;
  }

  /** CPU time of the whole process (all threads, GC and JIT included), in seconds. */
  static double process() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }
}

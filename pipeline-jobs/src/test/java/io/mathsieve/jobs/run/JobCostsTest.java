package io.mathsieve.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live-heap probe counts what a job holds, not the garbage it leaves between collections. */
class JobCostsTest {
  @TempDir Path dir;

  @Test
  void theProbeMeasuresWhatIsHeld() throws Exception {
    Path file = dir.resolve("costs.jsonl");
    System.setProperty(JobCosts.PROPERTY, file.toString());
    System.setProperty(JobCosts.LIVE_PROBE_PROPERTY, "50");
    byte[][] held;
    long before = liveNow(); // what earlier tests in this JVM left (caches, models)
    try {
      JobCosts.Start s = JobCosts.start();
      held = new byte[64][];
      for (int i = 0; i < held.length; i++) {
        held[i] = new byte[1 << 20]; // 64 MB held to the end of the "job"
      }
      long garbage = 0;
      for (int i = 0; i < 2_000; i++) {
        garbage += new byte[1 << 20].length; // 2 GB allocated and dropped
      }
      Thread.sleep(200);
      JobCosts.end(s, "probe test " + garbage);
    } finally {
      System.clearProperty(JobCosts.PROPERTY);
      System.clearProperty(JobCosts.LIVE_PROBE_PROPERTY);
    }
    JsonNode line = RunSummary.json().readTree(Files.readAllLines(file).get(0));
    long live = line.get("peak_live_heap_bytes").asLong() - before;
    assertThat(live).as("the 64 MB held").isGreaterThan(60L << 20);
    assertThat(live).as("not the 2 GB of garbage").isLessThan((64L + 200L) << 20);
    assertThat(held.length).isEqualTo(64); // kept reachable until the measurement
  }

  static long liveNow() {
    System.gc();
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void theMedianIsWhatIsHeldMostOfTheTimeAndThePeakWhatIsHeldOnce() throws Exception {
    Path file = dir.resolve("costs.jsonl");
    System.setProperty(JobCosts.PROPERTY, file.toString());
    System.setProperty(JobCosts.LIVE_PROBE_PROPERTY, "3600000"); // the probe thread samples once; the test samples the rest
    try {
      JobCosts.Start s = JobCosts.start();
      byte[][] burst = new byte[160][];
      for (int i = 0; i < burst.length; i++) {
        burst[i] = new byte[1 << 20]; // 160 MB held for one sample
      }
      JobCosts.probeLive();
      assertThat(burst[159]).hasSize(1 << 20);
      burst = null;
      for (int i = 0; i < 5; i++) { // then nothing, for five more
        JobCosts.probeLive();
      }
      JobCosts.end(s, "burst");
    } finally {
      System.clearProperty(JobCosts.PROPERTY);
      System.clearProperty(JobCosts.LIVE_PROBE_PROPERTY);
    }
    JsonNode line = RunSummary.json().readTree(Files.readAllLines(file).get(0));
    long peak = line.get("peak_live_heap_bytes").asLong();
    long median = line.get("median_live_heap_bytes").asLong();
    assertThat(line.get("live_heap_samples").asInt()).isGreaterThanOrEqualTo(7);
    assertThat(peak - median).as("peak %d, median %d", peak, median).isGreaterThan(150L << 20);
  }
}

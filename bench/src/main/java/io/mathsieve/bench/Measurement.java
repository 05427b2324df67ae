package io.mathsieve.bench;

import java.util.Arrays;

/**
 * One benchmark row: a stage's throughput over several runs, as pages (or documents) per CPU
 * second of one core: the median with min and max, and MB/s of its input at the median.
 *
 * @param stage what was measured
 * @param unit {@code pages} or {@code docs}
 * @param items items per run
 * @param bytes input bytes per run
 * @param rates items per CPU second, one per run
 * @param note anything a reader needs (recall, pass rate, ratio to a peer)
 */
public record Measurement(String stage, String unit, long items, long bytes, double[] rates, String note) {
  public double median() {
    double[] s = rates.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  public double min() {
    return Arrays.stream(rates).min().orElse(0);
  }

  public double max() {
    return Arrays.stream(rates).max().orElse(0);
  }

  /** MB of input per CPU second at the median rate. */
  public double megabytesPerSecond() {
    return items == 0 ? 0 : median() * bytes / items / 1e6;
  }

  public Measurement withNote(String n) {
    return new Measurement(stage, unit, items, bytes, rates, n);
  }
}

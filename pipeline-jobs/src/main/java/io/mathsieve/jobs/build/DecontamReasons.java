package io.mathsieve.jobs.build;

import io.mathsieve.jobs.store.StoreReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Decontamination removals by reason, from its rejections store (small: only contaminated documents). */
final class DecontamReasons {
  private DecontamReasons() {}

  static Map<String, Long> count(Path rejections) {
    Map<String, Long> counts = new TreeMap<>();
    try {
      StoreReader.forEach(io.mathsieve.schemas.store.Stores.REJECTIONS, BuildDriver.flink(rejections),
          r -> counts.merge(r.stage() + "/" + r.reason(), 1L, Long::sum));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }
}

package io.mathsieve.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale benchmark groups a build's jobs into stages across iterations, and reads its sizes as a user writes them. */
class ScaleBenchTest {
  @TempDir Path dir;

  @Test
  void jobsGroupByNameAndIteration() throws Exception {
    Path costs = Files.write(dir.resolve("costs.jsonl"), List.of(
        "{\"job\":\"mathsieve iterate: score (iteration 1)\",\"wall_s\":2.0,\"cpu_s\":3.0,\"peak_heap_after_gc_bytes\":100}",
        "{\"job\":\"mathsieve iterate: score (iteration 2)\",\"wall_s\":1.0,\"cpu_s\":1.5,\"peak_heap_after_gc_bytes\":300}",
        "{\"job\":\"mathsieve iterate: train iter-2\",\"wall_s\":4.0,\"cpu_s\":4.0,\"peak_heap_after_gc_bytes\":50}",
        "{\"job\":\"mathsieve extract\",\"wall_s\":9.0,\"cpu_s\":17.0,\"peak_heap_after_gc_bytes\":70}",
        "{\"job\":\"mathsieve near-dedup: components\",\"wall_s\":1.0,\"cpu_s\":1.0,\"peak_heap_after_gc_bytes\":10}",
        "{\"job\":\"mathsieve near-dedup: components\",\"wall_s\":1.0,\"cpu_s\":2.0,\"peak_heap_after_gc_bytes\":20}"));
    Map<String, ScaleBench.Stage> s = ScaleBench.stages(costs);
    assertThat(s).containsOnlyKeys("iterate: score (iteration 1)", "iterate: score (iteration 2)", "iterate: train (iteration 2)", "extract",
        "near-dedup: components");
    assertThat(s.get("iterate: score (iteration 2)")).isEqualTo(new ScaleBench.Stage(1, 1.5, 1.0, 300, 300));
    assertThat(s.get("near-dedup: components")).as("rounds add up").isEqualTo(new ScaleBench.Stage(2, 3.0, 2.0, 20, 20));
    assertThat(s.get("extract").cpu()).isEqualTo(17.0);
  }

  @Test
  void theLiveHeapIsPreferredWhenProbed() throws Exception {
    Path costs = Files.write(dir.resolve("costs.jsonl"), List.of(
        "{\"job\":\"mathsieve extract\",\"wall_s\":9.0,\"cpu_s\":17.0,\"peak_heap_after_gc_bytes\":700,\"peak_live_heap_bytes\":90}"));
    assertThat(ScaleBench.stages(costs).get("extract").peakHeap()).isEqualTo(90);
  }

  @Test
  void aStagesMedianIsTheLargestOfItsJobs() throws Exception {
    Path costs = Files.write(dir.resolve("costs.jsonl"), List.of(
        "{\"job\":\"mathsieve near-dedup: components\",\"wall_s\":1.0,\"cpu_s\":1.0,\"peak_heap_after_gc_bytes\":99,\"peak_live_heap_bytes\":80,"
            + "\"median_live_heap_bytes\":40}",
        "{\"job\":\"mathsieve near-dedup: components\",\"wall_s\":1.0,\"cpu_s\":1.0,\"peak_heap_after_gc_bytes\":99,\"peak_live_heap_bytes\":60,"
            + "\"median_live_heap_bytes\":50}"));
    ScaleBench.Stage s = ScaleBench.stages(costs).get("near-dedup: components");
    assertThat(s.peakHeap()).isEqualTo(80);
    assertThat(s.medianHeap()).isEqualTo(50);
  }

  @Test
  void sizesAreSortedAndReadWithK() {
    assertThat(ScaleBench.parse("200k,25k, 50_000,100k")).containsExactly(25_000, 50_000, 100_000, 200_000);
    assertThatThrownBy(() -> ScaleBench.parse("25k,lots")).isInstanceOf(UserError.class).hasMessageContaining("--scale 25k,lots");
    assertThatThrownBy(() -> ScaleBench.parse("10")).isInstanceOf(UserError.class);
  }
}

package io.mathsieve.jobs.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

/** Every reading subtask gets exactly one reader key, so no subtask reads for two and none idles. */
class ReadAnnouncedWarcTest {
  @Test
  void readerKeysLandOnePerSubtask() {
    for (int readers : new int[] {1, 2, 3, 7, 16, 100}) {
      int[] keys = ReadAnnouncedWarc.readerKeys(readers, 128);
      Set<Integer> subtasks = new HashSet<>();
      for (int k : keys) {
        subtasks.add(KeyGroupRangeAssignment.assignKeyToParallelOperator(k, 128, readers));
      }
      assertThat(keys).hasSize(readers);
      assertThat(subtasks).as("%d readers", readers).hasSize(readers);
    }
  }
}

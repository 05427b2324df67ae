package io.mathsieve.jobs;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster every job test runs on: one TaskManager with two slots, so jobs run at parallelism 2 as on the CI machine's two cores. */
public final class TestCluster {
  private TestCluster() {}

  /** A fresh extension to register as a static field: {@code @RegisterExtension static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();}. */
  public static MiniClusterExtension twoSlots() {
    return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
  }
}

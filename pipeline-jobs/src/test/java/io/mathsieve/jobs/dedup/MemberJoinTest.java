package io.mathsieve.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.jobs.dedup.NearDedupRecords.Assignment;
import io.mathsieve.jobs.dedup.NearDedupRecords.Member;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The end-of-key join that meets a node's cluster with the document it stands for, under Flink's test harness. */
class MemberJoinTest {
  // Per node: the smallest root of its assignments, and the smallest doc id of the documents that
  // carry the node id; two different documents on one node (a 64-bit collision) mark the member
  // shared. Nothing is emitted before the key is complete, and a node missing either side emits nothing.
  @Test
  void meetsAllOfBothSidesOncePerNode() throws Exception {
    KeyedTwoInputStreamOperatorTestHarness<Long, Assignment, NodeInfo, Member> h = new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new ClusterFunctions.MemberJoin()), Assignment::node, NodeInfo::node, Types.LONG);
    h.open();
    h.processElement1(new StreamRecord<>(new Assignment(7, 5)));
    h.processElement2(new StreamRecord<>(new NodeInfo(7, "doc-b", 0.9, 100)));
    h.processElement1(new StreamRecord<>(new Assignment(7, 3)));
    h.processElement2(new StreamRecord<>(new NodeInfo(7, "doc-a", 0.2, 200)));
    h.processElement1(new StreamRecord<>(new Assignment(8, 8)));
    h.processElement2(new StreamRecord<>(new NodeInfo(8, "doc-c", 0.5, 300)));
    h.processElement1(new StreamRecord<>(new Assignment(9, 1)));
    h.processElement2(new StreamRecord<>(new NodeInfo(10, "doc-d", 0.5, 400)));
    assertThat(h.extractOutputValues()).as("nothing before the keys are complete").isEmpty();
    h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
    assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(
        new Member(3, 7, "doc-a", 0.2, 200, true),
        new Member(8, 8, "doc-c", 0.5, 300, false));
    h.close();
  }
}

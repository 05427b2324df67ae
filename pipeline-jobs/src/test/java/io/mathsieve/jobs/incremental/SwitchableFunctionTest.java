package io.mathsieve.jobs.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.benchmarks.BenchmarkItem;
import io.mathsieve.decontam.index.BenchmarkIndex;
import io.mathsieve.jobs.run.Count;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The control protocol that switches a running job's model or index, under Flink's broadcast test harness. */
class SwitchableFunctionTest {
  /** Tags each element with the resource it was handled with; a location starting with "bad" does not load. */
  static final class Tagging extends SwitchableFunction<String, String> {
    final List<String> switches = new ArrayList<>();
    private String resource;

    Tagging() {
      super("model", "m1", Control::model, Count.INCREMENTAL_CONTROL_MODEL);
    }

    @Override
    protected void check(String location) {
      if (location.startsWith("bad")) {
        throw new IllegalStateException(location + " does not load");
      }
    }

    @Override
    protected void switchTo(String location) {
      switches.add(location);
      resource = location;
    }

    @Override
    protected void process(String element, ReadOnlyContext ctx, Collector<String> out) {
      out.collect(element + "@" + resource);
    }
  }

  @Test
  void anAcceptedMessageSwitchesBeforeTheNextElementAndABadOneIsCountedAndIgnored() throws Exception {
    Tagging f = new Tagging();
    try (BroadcastOperatorTestHarness<String, Control, String> h = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(f, Control.STATE)) {
      h.processElement("a", 1);
      h.processBroadcastElement(new Control("bad-model", ""), 2);
      h.processElement("b", 3);
      h.processBroadcastElement(new Control("", "some-index"), 4); // another resource's message: left alone
      h.processElement("c", 5);
      h.processBroadcastElement(new Control("m2", ""), 6);
      h.processElement("d", 7);
      h.processElement("e", 8);

      assertThat(h.extractOutputValues()).containsExactly("a@m1", "b@m1", "c@m1", "d@m2", "e@m2");
      assertThat(f.switches).as("loaded once at open, once on the switch").containsExactly("m1", "m2");
      assertThat(accumulator(f, Count.INCREMENTAL_CONTROL_REJECTED)).isEqualTo(1L);
      assertThat(accumulator(f, Count.INCREMENTAL_CONTROL_MODEL)).isEqualTo(1L);
      assertThat(h.getBroadcastState(Control.STATE).get("model")).as("what a restored job switches to").isEqualTo("m2");
    }
  }

  private static Object accumulator(Tagging f, Count c) {
    Accumulator<?, ?> a = f.getRuntimeContext().getAccumulator(c.metric());
    return a == null ? null : a.getLocalValue();
  }

  // An index built with another n would never match the job's n-grams: it is refused, and one
  // built with the job's n is taken.
  @Test
  void decontaminationRefusesAnIndexOfAnotherNgramLength(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    DecontamConfig job = DecontamConfig.defaults();
    java.nio.file.Path same = index(dir.resolve("same.idx"), job);
    java.nio.file.Path other = index(dir.resolve("other.idx"),
        DecontamConfig.from(io.mathsieve.config.Settings.empty().with(DecontamConfig.NGRAM.key(), "8", "test")));
    SwitchableDecontam f = new SwitchableDecontam(same.toString(), job);
    try (BroadcastOperatorTestHarness<io.mathsieve.schemas.CorpusRow, Control, io.mathsieve.schemas.CorpusRow> h =
        ProcessFunctionTestHarnesses.forBroadcastProcessFunction(f, Control.STATE)) {
      h.processBroadcastElement(new Control("", other.toString()), 1);
      assertThat(h.getBroadcastState(Control.STATE).get("index")).isNull();
      h.processBroadcastElement(new Control("", same.toString()), 2);
      assertThat(h.getBroadcastState(Control.STATE).get("index")).isEqualTo(same.toString());
      assertThat(f.getRuntimeContext().getAccumulator(Count.INCREMENTAL_CONTROL_REJECTED.metric()).getLocalValue()).isEqualTo(1L);
    }
  }

  private static java.nio.file.Path index(java.nio.file.Path file, DecontamConfig config) throws java.io.IOException {
    BenchmarkIndex index = BenchmarkIndex.build(List.of(new BenchmarkItem("gsm8k", "test.jsonl:1",
        List.of("Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May."))), config);
    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
      index.write(out);
    }
    return file;
  }
}

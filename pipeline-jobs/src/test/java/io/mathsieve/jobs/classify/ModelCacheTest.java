package io.mathsieve.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.FastTextTrainer;
import io.mathsieve.classifiers.math.MathLabels;
import io.mathsieve.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process-wide model cache keeps the current model and the one before it, and never closes a model in use. */
class ModelCacheTest {
  @TempDir Path dir;

  private String model(String name) throws Exception {
    ClassifierConfig c = ClassifierConfig.from(Settings.of(Map.of("classify.bucket", "1000", "classify.dim", "4", "classify.min-count", "1",
        "classify.epoch", "1"), "test"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(MathLabels.MATH + " let x be a prime " + name);
      lines.add(MathLabels.OTHER + " the council met on monday " + name);
    }
    Path examples = Files.write(dir.resolve(name + ".txt"), lines);
    return FastTextTrainer.train(examples, dir.resolve(name), c).file().toString();
  }

  private static boolean usable(ModelCache.Lease lease) {
    try {
      lease.classifier().score("let x be a prime");
      return true;
    } catch (IllegalStateException closed) {
      return false;
    }
  }

  @Test
  void keepsTheLastTwoModelsAndClosesOlderOnesOnceReleased() throws Exception {
    String a = model("a");
    String b = model("b");
    String c = model("c");
    String d = model("d");

    ModelCache.Lease la = ModelCache.acquire(a, 100);
    la.close();
    ModelCache.Lease lb = ModelCache.acquire(b, 100);
    ModelCache.Lease lb2 = ModelCache.acquire(b, 100);
    assertThat(lb2.classifier()).isSameAs(lb.classifier()); // loaded once per process
    ModelCache.Lease lc = ModelCache.acquire(c, 100);
    assertThat(ModelCache.loaded()).containsExactly(b + "#100", c + "#100");
    assertThat(usable(la)).as("a: evicted and not in use, so closed").isFalse();

    ModelCache.Lease ld = ModelCache.acquire(d, 100); // evicts b, which two slots still score with
    assertThat(ModelCache.loaded()).containsExactly(c + "#100", d + "#100");
    assertThat(usable(lb)).as("b: evicted but leased, so still open").isTrue();
    lb.close();
    lb.close(); // releasing twice counts once
    assertThat(usable(lb2)).as("b: one lease is still held").isTrue();
    lb2.close();
    assertThat(usable(lb2)).as("b: evicted and released, so closed").isFalse();

    ModelCache.Lease la2 = ModelCache.acquire(a, 100); // an evicted model loads again when asked for; evicts c, still leased
    assertThat(usable(la2)).isTrue();
    assertThat(ModelCache.loaded()).containsExactly(d + "#100", a + "#100");
    assertThat(usable(lc)).isTrue();
    lc.close();
    assertThat(usable(lc)).isFalse();
    la2.close();
    ld.close();
    assertThat(usable(ld)).as("kept models stay open without leases").isTrue();
  }
}

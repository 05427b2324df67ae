package io.mathsieve.classifiers.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training and scoring through JNI on small generated data (small bucket, so it takes a second). */
class FastTextTrainingTest {
  @TempDir Path dir;

  static final String[] MATH = {"Let $x$ be a real number and prove that $x^2 \\geq 0$.", "The integral $\\int_0^1 f(x)\\,dx$ converges by the comparison test.",
      "Solve the equation $x^2 + 5x + 6 = 0$ by factoring.", "By induction on $n$, the sum of the first $n$ odd numbers is $n^2$.",
      "The derivative of $\\sin x$ is $\\cos x$, so the tangent line has slope one.", "Every bounded monotone sequence converges; this is a theorem."};
  static final String[] OTHER = {"The city council met on Monday to discuss the new bridge and the budget.",
      "Preheat the oven, grease a pan and bake the cake for twenty minutes.", "The home team won the game in overtime in front of a full crowd.",
      "Free shipping on all orders over fifty dollars, and free returns.", "Our hotel near the old harbor was quiet and the staff friendly.",
      "Set the environment variable before starting the server process."};

  static ClassifierConfig small() {
    return ClassifierConfig.from(Settings.of(Map.of("classify.bucket", "100000", "classify.dim", "32", "classify.epoch", "20", "classify.min-count", "1"), "test"));
  }

  Path trainingFile(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    MathTextNormalizer n = new MathTextNormalizer(6000);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(MathLabels.MATH + " " + n.normalize(MATH[r.nextInt(MATH.length)] + " " + MATH[r.nextInt(MATH.length)]));
      lines.add(MathLabels.OTHER + " " + n.normalize(OTHER[r.nextInt(OTHER.length)] + " " + OTHER[r.nextInt(OTHER.length)]));
    }
    return Files.write(dir.resolve("train-" + seed + ".txt"), lines);
  }

  // A model trained on math vs. other scores held-out math text high and other text low.
  @Test
  void trainsAndScores() throws Exception {
    FastTextTrainer.Model m = FastTextTrainer.train(trainingFile(1), dir.resolve("model"), small());
    try (MathClassifier c = MathClassifier.load(m.file(), 6000)) {
      assertThat(c.score("Prove that the sequence converges and compute its limit $\\lim_{n \\to \\infty} a_n$.")).isGreaterThan(0.8);
      assertThat(c.score("The bakery on the corner sells bread and the council approved the budget.")).isLessThan(0.2);
      assertThat(c.score("")).isZero();
      assertThat(c.version()).isEqualTo(m.version()).matches("[0-9a-f]{16}");
    }
  }

  // One thread: the same training file gives the same model, byte for byte.
  @Test
  void deterministicWithOneThread() throws Exception {
    Path train = trainingFile(2);
    FastTextTrainer.Model a = FastTextTrainer.train(train, dir.resolve("a"), small());
    FastTextTrainer.Model b = FastTextTrainer.train(train, dir.resolve("b"), small());
    assertThat(a.version()).isEqualTo(b.version());
  }

  // Quantized models are smaller and still separate the classes; quantizing runs in a child JVM (fastText exits after it).
  @Test
  void quantized() throws Exception {
    ClassifierConfig q = ClassifierConfig.from(Settings.of(Map.of("classify.bucket", "100000", "classify.dim", "32", "classify.epoch", "20",
        "classify.min-count", "1", "classify.quantize", "true"), "test"));
    FastTextTrainer.Model m = FastTextTrainer.train(trainingFile(3), dir.resolve("q"), q);
    assertThat(m.file().getFileName().toString()).isEqualTo("q.ftz");
    assertThat(Files.size(m.file())).isLessThan(Files.size(dir.resolve("q.bin")) / 2);
    try (MathClassifier c = MathClassifier.load(m.file(), 6000)) {
      // Product quantization coarsens a model trained on so little data; it must still rank math above the rest.
      assertThat(c.score("Solve the equation by factoring and prove the integral converges."))
          .isGreaterThan(c.score("The council approved the budget and the bakery sells bread."));
    }
  }

  // A language model (176 labels) is not a math classifier; a missing training file is a one-line error.
  @Test
  void wrongInputs() throws Exception {
    Path lid = dir.resolve("lid.ftz");
    try (var in = io.mathsieve.classifiers.langid.LanguageIdentifier.class.getResourceAsStream("lid.176.ftz")) {
      Files.copy(in, lid);
    }
    assertThatThrownBy(() -> MathClassifier.load(lid, 100)).hasMessage(lid + ": not a math classifier (expected 2 labels, __label__math and __label__other, found 176)");
    assertThatThrownBy(() -> FastTextTrainer.train(dir.resolve("none.txt"), dir.resolve("m"), small())).hasMessage(dir.resolve("none.txt") + ": training file not found");
  }
}

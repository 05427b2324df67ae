package io.mathsieve.classifiers.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training with cross-fitting or a held-out split through JNI, on small generated data. */
class ClassifierTrainingTest {
  @TempDir Path dir;

  static ClassifierConfig config(String... kv) {
    Map<String, String> m = new java.util.HashMap<>(Map.of("classify.bucket", "100000", "classify.dim", "16", "classify.min-count", "1"));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return ClassifierConfig.from(Settings.of(m, "test"));
  }

  /** 400 examples as the loop writes them: label, then the classifier line (signals on). */
  Path examples(boolean signals) throws Exception {
    return examples(signals, 0);
  }

  /**
   * 200 math and 200 other examples; {@code unlabelledMath} of the "other" ones are math pages, as
   * in a negative sample drawn from the crawl.
   */
  Path examples(boolean signals, int unlabelledMath) throws Exception {
    SplittableRandom r = new SplittableRandom(5);
    MathTextNormalizer n = new MathTextNormalizer(6000);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String math = FastTextTrainingTest.MATH[r.nextInt(FastTextTrainingTest.MATH.length)] + " " + FastTextTrainingTest.MATH[r.nextInt(6)];
      String other = FastTextTrainingTest.OTHER[r.nextInt(FastTextTrainingTest.OTHER.length)] + " " + FastTextTrainingTest.OTHER[r.nextInt(6)];
      lines.add(MathLabels.MATH + " " + (signals ? n.line(math, new MathSignals(2, true)) : n.normalize(math)));
      if (i < unlabelledMath) {
        lines.add(MathLabels.OTHER + " " + (signals ? n.line(math, new MathSignals(2, true)) : n.normalize(math)));
      } else {
        lines.add(MathLabels.OTHER + " " + (signals ? n.line(other, MathSignals.NONE) : n.normalize(other)));
      }
    }
    return Files.write(dir.resolve("examples.txt"), lines);
  }

  // DeepSeekMath's 3 epochs at lr 0.1 on 400 short examples: the model stays at 0.5 for every page,
  // and the validation says so. The same data with the epoch raise learns the task.
  @Test
  void degenerateModelIsCaughtAndTheEpochRaiseFixesIt() throws Exception {
    Path ex = examples(false);
    ModelCard flat = ClassifierTraining.run(ex, dir.resolve("flat"), config("classify.min-token-updates", "0", "classify.signals", "false")).card();
    assertThat(flat.plan().epoch()).isEqualTo(3);
    assertThat(flat.fastText().degenerate(0.75)).isPresent();
    assertThat(flat.combiner()).isNull();

    ModelCard raised = ClassifierTraining.run(ex, dir.resolve("raised"), config("classify.signals", "false")).card();
    assertThat(raised.plan().epoch()).isGreaterThan(3);
    assertThat(raised.fastText().degenerate(0.75)).isEmpty();
    assertThat(raised.fastText().auc()).isGreaterThan(0.95);
  }

  // A large set (here: cross-fitting off) holds out about the configured share, the same examples
  // every run, never trained on; the card beside the model carries the plan, both validations and
  // the combiner, and the scorer uses it.
  @Test
  void heldOutSplitAndCard() throws Exception {
    Path ex = examples(true);
    ClassifierTraining.Result a = ClassifierTraining.run(ex, dir.resolve("a"), config("classify.cross-fit-max-examples", "399"));
    ClassifierTraining.Result b = ClassifierTraining.run(ex, dir.resolve("b"), config("classify.cross-fit-max-examples", "399"));
    Validation v = a.card().fastText();
    assertThat(a.card().validatedBy()).isEqualTo("20% held out");
    assertThat(v.positives() + v.negatives()).isBetween(50, 110); // 20% of 400
    assertThat(a.card().plan().examples() + v.positives() + v.negatives()).isEqualTo(400);
    assertThat(b.card()).usingRecursiveComparison().isEqualTo(a.card());
    assertThat(b.model().version()).isEqualTo(a.model().version());

    ModelCard card = ModelCard.read(ModelCard.beside(dir.resolve("a.bin")));
    assertThat(card.signals()).isTrue();
    assertThat(card.combiner()).hasSize(ScoreCombiner.FEATURES.length + 1);
    assertThat(card.combined()).isNotNull();
    assertThat(card.scores()).isSameAs(card.combined());
    try (MathClassifier c = MathClassifier.load(a.model().file(), 6000)) {
      assertThat(c.readsSignals()).isTrue();
      String math = "Solve the equation $x^2 + 5x + 6 = 0$ by factoring.";
      double p = c.score(math, new MathSignals(2, true));
      try (var ft = io.mathsieve.classifiers.fasttext.FastTextModel.load(a.model().file())) {
        double raw = ft.probability(new MathTextNormalizer(6000).line(math, new MathSignals(2, true)), MathLabels.MATH);
        assertThat(p).as("the combiner of the card over fastText's score").isEqualTo(new ScoreCombiner(card.combiner()).score(raw,
            new MathSignals(2, true)));
      }
      assertThat(p).isGreaterThan(c.score("The home team won the game in overtime.", MathSignals.NONE));
    }
  }

  // A small set is cross-fitted: every example gets a validation score from a model that did not
  // train on it, the folds trained side by side give the same card and model every run, and the
  // model that scores trains on all examples.
  @Test
  void smallSetsAreCrossFittedOnEveryExample() throws Exception {
    Path ex = examples(true);
    ClassifierTraining.Result a = ClassifierTraining.run(ex, dir.resolve("a"), config());
    ClassifierTraining.Result b = ClassifierTraining.run(ex, dir.resolve("b"), config("classify.fold-parallelism", "1"));
    assertThat(a.card().validatedBy()).isEqualTo("5-fold cross-fitting");
    Validation v = a.card().fastText();
    assertThat(v.positives()).isEqualTo(200);
    assertThat(v.negatives()).isEqualTo(200);
    assertThat(v.auc()).isGreaterThan(0.95);
    assertThat(a.card().negativesSetAside()).isZero();
    assertThat(a.card().plan().examples()).isEqualTo(400);
    assertThat(b.card()).as("side by side or one after another").usingRecursiveComparison().isEqualTo(a.card());
    assertThat(b.model().version()).isEqualTo(a.model().version());
  }

  // Negatives sampled from the crawl hold unlabelled math. The ones the model would collect are set
  // aside: out of the combiner's validation and of the model that scores, but not out of fastText's
  // own validation, which judges whether the model is degenerate.
  @Test
  void negativesThatScoreAsMathAreSetAside() throws Exception {
    Path ex = examples(true, 30);
    ModelCard card = ClassifierTraining.run(ex, dir.resolve("m"), config()).card();
    assertThat(card.negativesSetAside()).isBetween(25, 35);
    assertThat(card.fastText().negatives()).isEqualTo(200);
    assertThat(card.combined().negatives()).isEqualTo(200 - card.negativesSetAside());
    assertThat(card.combined().positives()).isEqualTo(200);
    assertThat(card.plan().examples()).isEqualTo(400 - card.negativesSetAside());
  }

  // Duplicate lines share a fold (no model validates on a copy of its training data), and the folds
  // are about even.
  @Test
  void foldsFollowTheLine() {
    int[] sizes = new int[5];
    for (int i = 0; i < 5000; i++) {
      String line = MathLabels.OTHER + " page " + i;
      assertThat(ClassifierTraining.fold(line, 5)).isEqualTo(ClassifierTraining.fold(new String(line.toCharArray()), 5));
      sizes[ClassifierTraining.fold(line, 5)]++;
    }
    assertThat(java.util.Arrays.stream(sizes).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(900, 1100));
  }

  // No example is validated by a model that trained on it: on random words with random labels,
  // which a model that saw them memorises, the cross-fitted AUC stays near chance.
  @Test
  void crossFittedScoresComeFromModelsThatDidNotSeeTheExample() throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder(r.nextBoolean() ? MathLabels.MATH : MathLabels.OTHER);
      for (int w = 0; w < 30; w++) {
        b.append(" w").append(r.nextInt(3000));
      }
      lines.add(b.toString());
    }
    Path ex = Files.write(dir.resolve("noise.txt"), lines);
    ModelCard card = ClassifierTraining.run(ex, dir.resolve("noise"), config("classify.signals", "false")).card();
    assertThat(card.fastText().positives() + card.fastText().negatives()).isEqualTo(300);
    assertThat(card.fastText().auc()).isBetween(0.3, 0.7);
  }
}

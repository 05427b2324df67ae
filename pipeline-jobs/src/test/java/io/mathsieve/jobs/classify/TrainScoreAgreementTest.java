package io.mathsieve.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.ClassifierTraining;
import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.classifiers.math.MathLabels;
import io.mathsieve.classifiers.math.MathSignals;
import io.mathsieve.config.Settings;
import io.mathsieve.schemas.FormulaCounts;
import io.mathsieve.schemas.TextDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the train job writes for a page is, byte for byte, what the scorer feeds fastText for it. */
class TrainScoreAgreementTest {
  @TempDir Path dir;

  static TextDocument page(String text, FormulaCounts f, boolean markup) {
    return new TextDocument("id", "https://example.org/", "example.org", "", text, text.length(), false, "en", 1, "utf-8", "http", "x", f,
        markup, "w.warc.gz", 0, "<urn:uuid:1>", null);
  }

  @Test
  void trainingAndScoringLinesAgree() throws Exception {
    List<TextDocument> pages = List.of(
        page("Let $x^2 = 16$.\nThen x = 4, so $x = \\pm 4$.", new FormulaCounts(0, 0, 0, 0, 0, 0, 0, 0, 2), true),
        page("勾股定理：a²+b²=c²，MathML here.", new FormulaCounts(0, 0, 0, 3, 1, 0, 0, 0, 0), true),
        page("A page that loads MathJax but shows no formula.", FormulaCounts.NONE, true),
        page("The council met on Monday. ".repeat(400), FormulaCounts.NONE, false)); // longer than classify.max-chars
    for (boolean signals : new boolean[] {true, false}) {
      ClassifierConfig c = ClassifierConfig.from(Settings.of(Map.of("classify.bucket", "10000", "classify.dim", "8", "classify.min-count", "1",
          "classify.max-chars", "2000", "classify.signals", String.valueOf(signals)), "test"));
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        TextDocument p = pages.get(i % pages.size());
        lines.add((i % 2 == 0 ? MathLabels.MATH : MathLabels.OTHER) + " " + TrainJob.line(p, c));
      }
      Path examples = Files.write(dir.resolve("examples-" + signals + ".txt"), lines);
      Path model = ClassifierTraining.run(examples, dir.resolve("model-" + signals), c).model().file();
      try (MathClassifier scorer = MathClassifier.load(model, c.maxChars())) {
        assertThat(scorer.readsSignals()).isEqualTo(signals);
        for (TextDocument p : pages) {
          String scored = scorer.input(p.text(), MathSignals.of(p.formulas(), p.hasMathMarkup())); // as ScoreFunction builds it
          assertThat(scored).isEqualTo(TrainJob.line(p, c));
          assertThat(scored.startsWith("__mf")).isEqualTo(signals);
        }
      }
    }
  }
}

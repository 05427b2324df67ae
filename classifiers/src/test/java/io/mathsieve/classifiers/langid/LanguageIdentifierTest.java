package io.mathsieve.classifiers.langid;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.classifiers.langid.LanguageIdentifier.Language;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private final LanguageIdentifier lid = LanguageIdentifier.shared();

  // Each case: a sentence in a language, and the ISO 639 code the bundled lid.176 model must give.
  @Test
  void identifiesCommonLanguages() {
    assertThat(lid.identify("Let f be a continuous function on the closed interval and prove that it attains its maximum.").code()).isEqualTo("en");
    assertThat(lid.identify("已知函数的导数为零，求函数的极值点，并说明理由。").code()).isEqualTo("zh");
    assertThat(lid.identify("Soit f une fonction continue sur un intervalle fermé, montrer qu'elle atteint son maximum.").code()).isEqualTo("fr");
    assertThat(lid.identify("Sei f eine stetige Funktion auf einem abgeschlossenen Intervall.").code()).isEqualTo("de");
  }

  // A clear sentence gets a high probability; the score is a probability.
  @Test
  void scoresAreProbabilities() {
    Language l = lid.identify("The quick brown fox jumps over the lazy dog near the river bank every morning.");
    assertThat(l.score()).isBetween(0.8, 1.0);
  }

  // Text without letters is undetermined rather than a guess.
  @Test
  void noLettersIsUndetermined() {
    assertThat(lid.identify("12 + 34 = 46 ... !!!")).isEqualTo(new Language("und", 0.0));
    assertThat(lid.identify("")).isEqualTo(new Language("und", 0.0));
  }

  // Newlines inside the text do not cut prediction short (fastText reads one line).
  @Test
  void newlinesAreFolded() {
    assertThat(lid.identify("Dies ist ein Satz.\nUnd hier kommt noch ein weiterer deutscher Satz.\nNoch einer.").code()).isEqualTo("de");
  }
}

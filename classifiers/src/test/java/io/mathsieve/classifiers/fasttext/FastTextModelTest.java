package io.mathsieve.classifiers.fasttext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastTextModelTest {

  // A missing model file is a one-line error naming the file, not a native crash.
  @Test
  void missingFile(@TempDir Path dir) {
    Path f = dir.resolve("nope.bin");
    assertThatThrownBy(() -> FastTextModel.load(f)).hasMessage(f + ": fastText model file not found");
  }

  // A file that is not a fastText model is rejected before it reaches the native loader.
  @Test
  void notAModel(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("model.bin");
    Files.writeString(f, "this is a text file, not a model");
    assertThatThrownBy(() -> FastTextModel.load(f))
        .hasMessage(f + ": not a fastText model (expected a .bin or .ftz file written by fastText)");
    Path empty = Files.createFile(dir.resolve("empty.bin"));
    assertThatThrownBy(() -> FastTextModel.load(empty)).hasMessageStartingWith(empty + ": not a fastText model");
  }

  // A closed model refuses calls instead of crashing the JVM in native code.
  @Test
  void closedModelRefusesCalls(@TempDir Path dir) throws Exception {
    FastTextModel m = FastTextModel.loadResource(io.mathsieve.classifiers.langid.LanguageIdentifier.class, "lid.176.ftz");
    m.close();
    assertThatThrownBy(m::labelCount).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    assertThatThrownBy(() -> m.predict("x", 1)).isInstanceOf(IllegalStateException.class);
  }
}

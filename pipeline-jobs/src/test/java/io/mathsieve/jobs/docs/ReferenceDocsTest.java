package io.mathsieve.jobs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.schemas.DropReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceDocsTest {
  static final Path DOCS = Path.of(System.getProperty("mathsieve.root", "..")).resolve("notebooks-docs");

  // The committed reference pages are exactly what the code generates today.
  @Test
  void committedPagesAreCurrent() throws Exception {
    for (String f : ReferenceDocs.FILES.keySet()) {
      assertThat(Files.readString(DOCS.resolve(f))).as(f + " is stale: run ./mathsieve docs --output notebooks-docs")
          .isEqualTo(ReferenceDocs.generate(f));
    }
  }

  // Keys and reasons are unique, and every one is documented.
  @Test
  void keysAndReasonsUniqueAndDescribed() {
    Set<String> keys = new HashSet<>();
    for (ConfigOption<?> o : MathsieveConfig.options()) {
      assertThat(keys.add(o.key())).as(o.key()).isTrue();
      assertThat(o.description()).isNotBlank();
    }
    Set<String> reasons = new HashSet<>();
    for (DropReason r : DropReasons.all()) {
      assertThat(reasons.add(r.key())).as(r.key()).isTrue();
      assertThat(r.code()).matches("[a-z][a-z_]*");
      assertThat(r.description()).isNotBlank();
    }
  }
}

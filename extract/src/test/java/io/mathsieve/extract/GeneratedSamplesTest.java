package io.mathsieve.extract;

import io.mathsieve.samples.SampleGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The checks of {@link SampleSetChecks} on a sample set generated now. */
class GeneratedSamplesTest extends SampleSetChecks {
  @TempDir static Path dir;

  @Override
  Path samples() {
    SampleGenerator.generate(dir, SampleGenerator.Options.defaults());
    return dir;
  }
}

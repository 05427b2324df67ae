package io.mathsieve.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierExamplesTest {
  @TempDir Path dir;

  // A seed directory (OpenWebMath's Parquet shards, say) stands for its seed files, sorted by name;
  // other files and subdirectories are not read, and a file given by name is kept as given.
  @Test
  void aDirectoryStandsForItsSeedFilesInNameOrder() throws Exception {
    Path shards = Files.createDirectories(dir.resolve("owm"));
    for (String f : List.of("train-00001.parquet", "train-00000.parquet", "patterns.TXT", "README.md", "extra.jsonl")) {
      Files.writeString(shards.resolve(f), "x");
    }
    Files.createDirectories(shards.resolve("sub"));
    Files.writeString(shards.resolve("sub/inner.jsonl"), "x");
    Path single = Files.writeString(dir.resolve("one.jsonl"), "x");
    assertThat(ClassifierExamples.files("--seed", List.of(single, shards), ClassifierExamples.SEED_FILES)).containsExactly(single,
        shards.resolve("extra.jsonl"), shards.resolve("patterns.TXT"), shards.resolve("train-00000.parquet"), shards.resolve("train-00001.parquet"));
    assertThat(ClassifierExamples.files("--negatives", List.of(shards), ClassifierExamples.NEGATIVE_FILES)).containsExactly(
        shards.resolve("extra.jsonl"), shards.resolve("train-00000.parquet"), shards.resolve("train-00001.parquet"));
  }
}

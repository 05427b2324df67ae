package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.store.StoreReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The pages store a command reads, given the same way to {@code iterate}, {@code score},
 * {@code dedup} and {@code decontam}: the store itself or a run directory holding {@code pages/}.
 */
public final class PagesStoreOption {
  @Option(names = {"--pages", "--input"}, required = true, paramLabel = "DIR",
      description = "A pages store, or a run directory holding pages/ (from extract).")
  Path given;

  /**
   * The store: {@code DIR/pages} when there is one, else {@code DIR} when it holds Parquet files; a user
   * error otherwise, so that a run directory without pages is not read as an empty store.
   */
  Path store() throws IOException {
    Path inside = given.resolve("pages");
    if (Files.isDirectory(inside)) {
      return inside;
    }
    if (!Files.isDirectory(given)) {
      throw new UserError("pages store " + given + " does not exist; run extract first");
    }
    if (StoreReader.files(FlinkFiles.of(given)).isEmpty()) {
      throw new UserError(given + " holds no pages/ and no Parquet files: not a pages store; run extract first");
    }
    return given;
  }
}

package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.export.TokenRates;
import io.mathsieve.classifiers.iterate.ScoreHistogram;
import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.jobs.classify.ScoreJob;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve score}: scores a pages store with an existing model. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Scores every page of a pages store with an existing math classifier; writes OUT/scores (doc_id, score, ...)."})
public final class ScoreCommand implements Callable<Integer> {
  @Mixin PagesStoreOption pages;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model trained by iterate (.bin or .ftz).")
  Path model;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "The output directory.")
  Path output;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    MathsieveConfig config = common.config();
    Path store = pages.store();
    try (MathClassifier check = MathClassifier.load(model, config.classifier().maxChars())) {
      if (!common.quiet) {
        System.err.println("mathsieve score: model " + model + " (version " + check.version() + ")");
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    OutputDirectory.prepare(output, common.overwrite, List.of("scores"));
    ScoreHistogram h = ScoreJob.run(FlinkFiles.of(store), model.toAbsolutePath().toString(), FlinkFiles.of(output.resolve("scores")),
        config.classifier().maxChars(),
        config.iterate().grouping(), TokenRates.counter(store, config.export()), 0, common.jobs());
    if (!common.quiet) {
      System.out.println("scored " + h.totalPages() + " pages; " + h.pagesAtOrAbove(0.5) + " score >= 0.5  -> " + output.resolve("scores"));
    }
    return 0;
  }
}

package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.export.TokenRates;
import io.mathsieve.classifiers.iterate.IterateConfig;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.FlinkFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve iterate}: the iterative fastText recall loop. */
@Command(name = "iterate", mixinStandardHelpOptions = true,
    description = {
      "The iterative math classifier of DeepSeekMath: train, score, collect, find math domains and URL patterns, retrain.",
      "",
      "Each iteration trains fastText on the seed (plus pages of accepted URL patterns), scores every page of the store, collects",
      "the top pages by token budget or threshold, marks domains with over 10% of their pages collected as math domains, accepts",
      "URL patterns inside them, and adds their uncollected pages to the seed. Stops when an iteration adds under 2% new pages.",
      "Writes WORKDIR/iterations/iter-N/ and WORKDIR/iterations.json; prints one line per iteration."
    })
public final class IterateCommand implements Callable<Integer> {
  @Mixin PagesStoreOption pages;

  @Mixin ClassifierExamples examples;

  @Option(names = "--workdir", required = true, paramLabel = "DIR", description = "Where the iterations are written.")
  Path workdir;

  @Option(names = "--threshold", paramLabel = "X", description = "Collect pages scoring at least X (iterate.threshold; default 0.5).")
  Double threshold;

  @Option(names = "--max-iterations", paramLabel = "N", description = "At most N iterations (iterate.max-iterations; default 4).")
  Integer maxIterations;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    MathsieveConfig config = MathsieveConfig.from(examples.withBudget(common.settings())
        .withFlag(IterateConfig.THRESHOLD.key(), threshold, "--threshold").withFlag(IterateConfig.MAX_ITERATIONS.key(), maxIterations, "--max-iterations"));
    Path store = pages.store();
    IterateDriver.Result r = IterateDriver.run(new IterateDriver.Request(FlinkFiles.of(store),
        examples.examples(), FlinkFiles.of(workdir), config.classifier(), config.iterate(),
        TokenRates.counter(store, config.export()),
        new IterateDriver.Options(common.jobs(), common.overwrite, common.quiet ? line -> {} : System.out::println)));
    if (!common.quiet) {
      System.out.println("final model: " + r.model() + " (version " + r.modelVersion() + "), collected: " + r.collected());
      System.out.println("summary:     " + workdir.resolve("iterations.json"));
    }
    return 0;
  }
}

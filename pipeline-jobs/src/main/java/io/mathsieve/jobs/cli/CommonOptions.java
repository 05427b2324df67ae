package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.ClusterTarget;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.Progress;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.config.MathsieveConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every job command takes: configuration, parallelism, output handling, verbosity. */
public final class CommonOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "A config file of 'key = value' lines (see notebooks-docs/configuration.md).")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one config key; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--parallelism", paramLabel = "N", description = "Parallel subtasks (default: the number of cores).")
  int parallelism = Runtime.getRuntime().availableProcessors();

  @Option(names = "--overwrite", description = "Replace earlier output of this command in the output directory.")
  boolean overwrite;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  /** The config from the file and the flags, checked: unknown keys and bad values are user errors. */
  MathsieveConfig config() {
    return MathsieveConfig.from(settings());
  }

  /** The raw settings from the file and the flags, before checking. */
  Settings settings() {
    Settings s = Settings.empty();
    if (configFile != null) {
      if (!Files.isRegularFile(configFile)) {
        throw new UserError("config file " + configFile + " does not exist");
      }
      s = Settings.read(configFile);
    }
    return s.overriddenBy(Settings.fromFlags(overrides));
  }

  /** Where the jobs run: set by {@code submit} for the command it runs, else a local MiniCluster. */
  ClusterTarget target = ClusterTarget.LOCAL;

  /** How wide and where this command's jobs run; progress lines on stderr unless {@code --quiet}. */
  Jobs jobs() {
    return new Jobs(parallelism(), target, Progress.toStderrUnless(quiet));
  }

  int parallelism() {
    if (parallelism < 1) {
      throw new UserError("--parallelism must be at least 1, got " + parallelism);
    }
    return parallelism;
  }
}

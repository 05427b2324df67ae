package io.mathsieve.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code mathsieve} command and its subcommands. */
@Command(
    name = "mathsieve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Builds a math pretraining corpus from Common Crawl WARC files, DeepSeekMath-style, on Apache Flink.",
    subcommands = {DemoCommand.class, BuildCommand.class, IncrementalCommand.class, SubmitCommand.class, ReportCommand.class, BenchCommand.class, EvalCommand.class, SamplesCommand.class, ExtractCommand.class, IterateCommand.class, ScoreCommand.class, DedupCommand.class, DecontamIndexCommand.class, DecontamCommand.class, BenchmarksCommand.class, DocsCommand.class, HelpCommand.class},
    footer = {"", "Run 'mathsieve <command> --help' for a command's options."})
public final class MathsieveCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "a command is required");
  }
}

package io.mathsieve.jobs.cli;

import picocli.CommandLine.Command;

/** {@code mathsieve eval}: measurements on labelled real data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measures a stage on labelled real pages (for example ../shared/realdata) and checks it against floors.",
    subcommands = {EvalExtractCommand.class, EvalDecontamCommand.class, EvalClassifyCommand.class})
public final class EvalCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "a stage is required: extract or decontam");
  }
}

package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.UserError;
import io.mathsieve.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The single entry point of mathsieve, for the {@code ./mathsieve} launcher and for
 * {@code flink run -c io.mathsieve.jobs.cli.Main mathsieve-jobs.jar <command> ...} alike.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String launcherRoot = System.getProperty("mathsieve.root");
    if (launcherRoot != null) {
      io.mathsieve.jobs.run.LocalFileSystems.initialize(System.getenv(), launcherRoot); // flink run has done it already
    }
    int code = run(args);
    // Inside a Flink JobManager (application mode) the JVM is Flink's: return instead of exiting
    // when all went well. The Docker image sets MATHSIEVE_NO_EXIT=1.
    if (code != 0 || !"1".equals(System.getenv("MATHSIEVE_NO_EXIT"))) {
      System.exit(code);
    }
  }

  /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 a user error. */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new MathsieveCommand());
    // submit passes everything after its own options to the command it runs.
    cli.getSubcommands().get("submit").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
    cli.setExecutionExceptionHandler(Main::handle);
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("mathsieve: " + ex.getMessage());
      err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return UserError.EXIT_CODE;
    });
    return cli;
  }

  private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean verbose = parsed.hasMatchedOption("--verbose") || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
    Throwable user = userError(ex);
    if (user != null) {
      err.println("mathsieve: " + user.getMessage());
      if (verbose) {
        ex.printStackTrace(err);
      }
      return UserError.EXIT_CODE;
    }
    err.println("mathsieve: " + cmd.getCommandName() + " failed: " + rootMessage(ex) + (verbose ? "" : " (run with --verbose for details)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return 1;
  }

  /** A user error anywhere in the cause chain (Flink wraps what operators throw). */
  static Throwable userError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UserError || c instanceof ConfigException) {
        return c;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}

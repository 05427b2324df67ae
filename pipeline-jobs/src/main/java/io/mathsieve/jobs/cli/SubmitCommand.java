package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.ClusterTarget;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mathsieve submit --jobmanager HOST:PORT <command> ...}: runs a command with its jobs on a
 * Flink session cluster instead of a local MiniCluster. The same as
 * {@code flink run -c io.mathsieve.jobs.cli.Main mathsieve-jobs.jar <command> ...} with the Flink
 * CLI, without needing Flink installed where it runs.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = {"Runs a command's jobs on a Flink session cluster through its REST endpoint, and waits for them.",
      "",
      "Example: mathsieve submit --jobmanager localhost:8081 build --input /data/crawl --seed ... --output /shared/run1",
      "Paths must be absolute (or URIs: s3://, hdfs://) and visible to this process and to every TaskManager."})
public final class SubmitCommand implements Callable<Integer> {
  @Option(names = "--jobmanager", required = true, paramLabel = "HOST:PORT", description = "The JobManager's REST endpoint.")
  String jobmanager;

  @Option(names = "--jar", paramLabel = "FILE", description = "The job jar to ship (default: the one this runs from).")
  Path jar;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its options (build, extract, iterate, ...).")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    int colon = jobmanager.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(jobmanager.substring(colon + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new UserError("--jobmanager " + jobmanager + ": expected HOST:PORT, e.g. localhost:8081");
    }
    Path jobJar = jar != null ? jar : defaultJar();
    if (!Files.isRegularFile(jobJar)) {
      throw new UserError("job jar " + jobJar + " does not exist; build it with ./mvnw -B -DskipTests package, or pass --jar");
    }
    if (List.of("submit", "demo", "bench").contains(command.get(0))) {
      throw new UserError("submit runs build, extract, iterate, score, dedup, decontam and the other job commands, not " + command.get(0));
    }
    ClusterTarget target = ClusterTarget.remote(jobmanager.substring(0, colon), port, List.of(jobJar.toAbsolutePath().toUri().toString()));
    CommandLine cli = Main.commandLine();
    CommandLine sub = cli.getSubcommands().get(command.get(0));
    if (sub == null || !(sub.getMixins().get("common") instanceof CommonOptions common)) {
      throw new UserError("submit runs a job command (build, extract, iterate, score, dedup, decontam, ...), not " + command.get(0));
    }
    common.target = target; // the command's jobs go to the cluster; nothing else in the process changes
    return cli.execute(command.toArray(String[]::new));
  }

  /** The jar this class was loaded from, else the build's. */
  static Path defaultJar() {
    try {
      Path self = Path.of(SubmitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
        return self;
      }
    } catch (Exception ignored) {
      // fall through to the build's jar
    }
    return Path.of(System.getProperty("mathsieve.root", ".")).resolve("pipeline-jobs/target/mathsieve-jobs.jar");
  }
}

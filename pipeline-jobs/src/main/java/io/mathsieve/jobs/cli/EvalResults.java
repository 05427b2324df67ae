package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where an {@code eval} command writes its results ({@code --output}, by default {@code out/eval-NAME})
 * and what {@code --check} makes of its floors: each figure is checked with {@link #floor}, and
 * {@link #exitCode} is 1 when any was below its floor and {@code --check} is given.
 */
public final class EvalResults {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--output", paramLabel = "DIR", description = "Where the results go (default: out/eval-COMMAND).")
  Path output;

  @Option(names = "--check", description = "Exit 1 when a figure is below its floor.")
  boolean check;

  private final List<String> below = new ArrayList<>();

  /** The output directory, created. */
  Path dir() throws IOException {
    return Files.createDirectories(output != null ? output : Path.of("out", "eval-" + command.name()));
  }

  /** Writes {@code json}, with the figures below their floors as {@code below_floor}, to {@code OUTPUT/eval-NAME.json}. */
  Path write(ObjectNode json) throws IOException {
    json.putArray("below_floor").addAll(below.stream().map(json::textNode).toList());
    Path file = dir().resolve("eval-" + command.name() + ".json");
    RunSummary.json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    return file;
  }

  /**
   * Records {@code what} as below its floor unless {@code ok}; returns the mark to print next to the
   * figure ({@code "  BELOW FLOOR <floor>"} or nothing).
   */
  String floor(String what, boolean ok, String floor) {
    if (ok) {
      return "";
    }
    below.add(what + " (floor " + floor + ")");
    return "  BELOW FLOOR " + floor;
  }

  /** 0, or 1 with {@code --check} when a figure was below its floor (named on stderr). */
  int exitCode() {
    if (check && !below.isEmpty()) {
      System.err.println("mathsieve eval " + command.name() + ": below the floor: " + String.join("; ", below));
      return 1;
    }
    return 0;
  }
}

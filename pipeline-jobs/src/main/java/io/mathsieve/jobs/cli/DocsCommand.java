package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.docs.ReferenceDocs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mathsieve docs}: regenerates the reference pages from the code. */
@Command(name = "docs", mixinStandardHelpOptions = true,
    description = {"Writes the generated reference pages (schema.md, configuration.md) into a directory."})
public final class DocsCommand implements Callable<Integer> {
  @Option(names = "--output", paramLabel = "DIR", description = "Where to write (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("notebooks-docs");

  @Override
  public Integer call() throws Exception {
    ReferenceDocs.writeAll(output);
    System.out.println("wrote " + ReferenceDocs.FILES.keySet() + " to " + output);
    return 0;
  }
}

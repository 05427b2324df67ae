package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The labelled real pages an {@code eval} command reads: {@code --realdata DIR} laid out as
 * {@code realdata/} ({@code pages/}, {@code labels.tsv}, ...), or {@code --input} and {@code --labels}
 * given one by one, which win over the folder's.
 */
public final class RealPagesOptions {
  @Option(names = "--realdata", paramLabel = "DIR", description = "A folder laid out as realdata/: pages/, labels.tsv, tex.tsv, aeb/, benchmarks/.")
  Path realdata;

  @Option(names = "--input", arity = "1..*", paramLabel = "WARC", description = "WARC files or directories (default: REALDATA/pages).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--labels", paramLabel = "TSV", description = "url, label (math|nonmath), ... (default: REALDATA/labels.tsv).")
  Path labels;

  /** The labels file; a user error naming {@code command} when there is none, or naming the file when it is missing. */
  Path labels(String command) {
    Path p = labels != null ? labels : realdata == null ? null : realdata.resolve("labels.tsv");
    if (p == null) {
      throw new UserError(command + " needs --labels TSV or --realdata DIR");
    }
    if (!Files.isRegularFile(p)) {
      throw new UserError(p + ": no such file");
    }
    return p;
  }

  /** The WARC inputs; a user error naming {@code command} when there are none. */
  List<String> inputs(String command) {
    List<String> in = inputs.isEmpty() && realdata != null ? List.of(realdata.resolve("pages").toString()) : inputs;
    if (in.isEmpty()) {
      throw new UserError(command + " needs --input WARC... or --realdata DIR");
    }
    return in;
  }

  /** {@code REALDATA/name} when --realdata is given, else null. */
  Path inRealdata(String name) {
    return realdata == null ? null : realdata.resolve(name);
  }
}

package io.mathsieve.jobs.cli;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.benchmarks.BenchmarkFileException;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.store.PagesAdapter;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve decontam}: removes documents that contain benchmark text. */
@Command(name = "decontam", mixinStandardHelpOptions = true,
    description = {
      "Benchmark decontamination of a pages store: the DeepSeekMath n-gram rule.",
      "",
      "Drops every document sharing a 10-gram with a benchmark item (question, answer, or spanning both), or containing a",
      "short item (3-9 tokens) whole. Writes OUT/pages, OUT/rejections (decontam/ngram, decontam/exact, with benchmark,",
      "item and matched tokens), OUT/decontam_matches (the audit) and OUT/decontam-report.json, and prints a table."
    })
public final class DecontamCommand implements Callable<Integer> {
  @Mixin PagesStoreOption pages;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "The output directory.")
  Path output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the benchmarks come from: files to index now, or an index built before. */
  static final class Source {
    @Option(names = "--benchmarks", arity = "1..*", paramLabel = "PATH", description = "Benchmark files or directories (indexed first).")
    List<Path> benchmarks;

    @Option(names = "--index", paramLabel = "FILE", description = "An index built by decontam-index.")
    Path index;
  }

  @Mixin BenchmarkIndexOptions indexing;

  @Option(names = "--report-only", description = "Keep contaminated documents; only record the matches.")
  boolean reportOnly;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    DecontamConfig config = indexing.config(common);
    if (reportOnly) {
      config = new DecontamConfig(config.ngram(), config.minShortTokens(), DecontamConfig.Mode.REPORT, config.maxItemsPerNgram(), config.values());
    }
    Path store = pages.store();
    Path index = source.index;
    if (index == null) {
      index = output.resolve("benchmarks.idx");
      Files.createDirectories(output);
      try {
        DecontamJob.IndexBuild built = DecontamJob.buildIndex(source.benchmarks, indexing.fields, false, config, index);
        if (!common.quiet) {
          System.out.print(DecontamJob.summary(built, index));
        }
      } catch (BenchmarkFileException e) {
        throw new UserError(e.getMessage(), e);
      }
    } else if (!Files.isRegularFile(index)) {
      throw new UserError("index " + index + " does not exist; build it with decontam-index");
    }
    DecontamReport r;
    try {
      r = DecontamJob.run(() -> Stores.PAGES, TextDocument.class, new PagesAdapter(), store, output, index, config, common.jobs(),
          common.overwrite);
    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains("benchmark index")) {
        throw new UserError(e.getMessage(), e);
      }
      throw e;
    }
    if (!common.quiet) {
      System.out.print(DecontamJob.table(r));
      System.out.println("documents: " + r.documents() + ", kept " + r.kept() + ", " + (reportOnly ? "reported " : "removed ") + r.removed());
      System.out.println("report:    " + output.resolve("decontam-report.json"));
    }
    return 0;
  }
}

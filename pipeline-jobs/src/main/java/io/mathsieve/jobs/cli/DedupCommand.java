package io.mathsieve.jobs.cli;

import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.dedup.NearDedupJob;
import io.mathsieve.jobs.dedup.NearDedupSummary;
import io.mathsieve.jobs.store.PagesAdapter;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve dedup}: MinHash LSH near-dedup of a pages store. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    description = {
      "Near-duplicate removal (MinHash LSH) of a pages store.",
      "",
      "Reads DIR/pages from an extract run and writes OUT/pages (one document per near-duplicate cluster), OUT/clusters,",
      "OUT/rejections (dedup/near, naming the kept document) and OUT/dedup.json (the setting, its S-curve, the counts).",
      "URL and exact dedup already ran inside extract."
    })
public final class DedupCommand implements Callable<Integer> {
  @Mixin PagesStoreOption pages;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "The output directory.")
  Path output;

  @Option(names = "--bands", paramLabel = "B", description = "LSH bands (default 14; dedup.near.bands).")
  Integer bands;

  @Option(names = "--rows", paramLabel = "R", description = "Rows per band (default 8; dedup.near.rows).")
  Integer rows;

  @Option(names = "--ngram", paramLabel = "N", description = "Words per shingle (default 5; dedup.near.ngram).")
  Integer ngram;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    DedupConfig config = MathsieveConfig.from(common.settings().withFlag(DedupConfig.BANDS.key(), bands, "--bands")
        .withFlag(DedupConfig.ROWS.key(), rows, "--rows").withFlag(DedupConfig.NGRAM.key(), ngram, "--ngram")).dedup();
    Path store = pages.store();
    if (!common.quiet) {
      System.err.println("mathsieve dedup: " + config.minHash().describe());
    }
    NearDedupSummary r = NearDedupJob.run(() -> Stores.PAGES, TextDocument.class, new PagesAdapter(), store, output, config,
        common.jobs(), common.overwrite);
    if (!common.quiet) {
      System.out.println("documents:   " + r.rows());
      System.out.println("kept:        " + r.kept() + "  -> " + output.resolve("pages"));
      System.out.println("dropped:     " + r.droppedNearDuplicates() + " near-duplicates in " + r.clusters() + " clusters  -> " + output.resolve("rejections"));
      System.out.println("summary:     " + output.resolve("dedup.json"));
    }
    return 0;
  }
}

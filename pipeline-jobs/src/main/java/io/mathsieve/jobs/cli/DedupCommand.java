package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.run.UserError;
import com.fasterxml.jackson.databind.JsonNode;
import io.mathsieve.config.Settings;
import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.dedup.NearDedupJob;
import io.mathsieve.jobs.store.PagesAdapter;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
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
  @Option(names = "--input", required = true, paramLabel = "DIR", description = "A run directory holding pages/ (from extract).")
  Path input;

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
    Settings s = common.settings();
    if (bands != null) {
      s = s.with(DedupConfig.BANDS.key(), bands.toString(), "--bands");
    }
    if (rows != null) {
      s = s.with(DedupConfig.ROWS.key(), rows.toString(), "--rows");
    }
    if (ngram != null) {
      s = s.with(DedupConfig.NGRAM.key(), ngram.toString(), "--ngram");
    }
    DedupConfig config = MathsieveConfig.from(s).dedup();
    Path pages = input.resolve("pages");
    if (!Files.isDirectory(pages)) {
      throw new UserError("input " + input + " has no pages store (expected " + pages + "); run extract first");
    }
    if (!common.quiet) {
      System.err.println("mathsieve dedup: " + config.minHash().describe());
    }
    NearDedupJob.Result r = NearDedupJob.run(() -> Stores.PAGES, TextDocument.class, new PagesAdapter(), pages, output, config,
        common.jobs(), common.overwrite);
    if (!common.quiet) {
      JsonNode j = r.summary().root();
      System.out.println("documents:   " + j.get("rows").asLong());
      System.out.println("kept:        " + j.get("kept").asLong() + "  -> " + output.resolve("pages"));
      System.out.println("dropped:     " + j.get("dropped_near_duplicates").asLong() + " near-duplicates in " + j.get("clusters").asLong()
          + " clusters  -> " + output.resolve("rejections"));
      System.out.println("summary:     " + output.resolve("dedup.json"));
    }
    return 0;
  }
}

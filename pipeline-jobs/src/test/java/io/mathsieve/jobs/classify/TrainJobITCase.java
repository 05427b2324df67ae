package io.mathsieve.jobs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.classifiers.iterate.Domains;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.schemas.FormulaCounts;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The train job's negative sample leaves out every page a positive stands for: seed URLs and pattern positives, joined by URL hash. */
class TrainJobITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  @TempDir Path dir;

  private static TextDocument page(int i) {
    String url = "https://site-" + (i % 4) + ".example.org/page/" + i;
    String text = i % 2 == 0 ? "Let x be a prime number " + i + " and consider its square." : "The council met on Monday to discuss item " + i + ".";
    return new TextDocument(String.format("%032x", i), url, "site-" + (i % 4) + ".example.org", "", text, text.length(), false, "en", 1, "utf-8",
        "http", "x", FormulaCounts.NONE, false, "w.warc.gz", i, "<urn:uuid:" + i + ">", java.time.Instant.EPOCH);
  }

  private static void write(Path file, List<TextDocument> docs) throws Exception {
    Files.createDirectories(file.getParent());
    try (ParquetWriter<TextDocument> w = StoreParquetWriter.open(Stores.PAGES, new LocalOutputFile(file), Map.of())) {
      for (TextDocument d : docs) {
        w.write(d);
      }
    }
  }

  @Test
  void negativesExcludeSeedUrlsAndPatternPositives() throws Exception {
    List<TextDocument> pages = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pages.add(page(i));
    }
    write(dir.resolve("pages/part-0.parquet"), pages);
    write(dir.resolve("iter-1/pattern-positives/part-0.parquet"), pages.subList(5, 10)); // pages 5-9 joined through a pattern
    List<String> seed = new ArrayList<>();
    for (int i = 0; i < 5; i++) { // pages 0-4 are in the seed
      seed.add("{\"url\":\"" + pages.get(i).url() + "\",\"text\":\"Let $x^2=" + i + "$ be a square.\"}");
    }
    for (int i = 0; i < 5; i++) { // seed rows from elsewhere, and rows without a URL
      seed.add("{\"url\":\"https://elsewhere.example/" + i + "\",\"text\":\"Let $y=" + i + "$ and a prime p.\"}");
      seed.add("{\"text\":\"Consider $z_" + i + "$ in a ring.\"}");
    }
    Path seedFile = Files.write(dir.resolve("seed.jsonl"), seed);
    ClassifierConfig c = ClassifierConfig.from(Settings.of(Map.of("classify.bucket", "10000", "classify.dim", "8", "classify.min-count", "1",
        "classify.max-epoch", "5"), "test"));

    TrainJob.Counts counts = TrainJob.run(List.of(FlinkFiles.of(seedFile)), List.of(FlinkFiles.of(dir.resolve("iter-1/pattern-positives"))), List.of(),
        FlinkFiles.of(dir.resolve("pages")), 1.0, 7, new HashSet<>(), Domains.Grouping.HOST, c,
        FlinkFiles.of(Files.createDirectories(dir.resolve("m")).resolve("model")), Jobs.local(2));

    assertThat(counts.seedPositives()).isEqualTo(15);
    assertThat(counts.patternPositives()).isEqualTo(5);
    assertThat(counts.negatives()).as("all 40 pages sampled, less the 5 seed URLs and the 5 pattern positives").isEqualTo(30);
    assertThat(dir.resolve("m/model.bin")).exists();
  }
}

package io.mathsieve.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.config.Settings;
import io.mathsieve.jobs.Duck;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.ExportConfig;
import io.mathsieve.jobs.dedup.NearDedupRecords;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The export on a MiniCluster: token counts, shard sizes, order within files, and files independent of parallelism. */
class ExportJobITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  static final long TARGET = 64 << 10;
  static final TokenizerSpec TOKENIZER = TokenizerSpec.resolve(TokenizerSpec.BUNDLED, "", null);

  @TempDir Path dir;
  List<CorpusRow> rows;
  ExportConfig config;

  @BeforeEach
  void rows() throws Exception {
    // 600 documents of 1-6 KB of seeded random words (with some LaTeX and Chinese), written as two
    // input files so the source has two splits.
    String[] words = {"the", "integral", "of", "$x^2$", "is", "\\frac{x^3}{3}", "prime", "theorem", "proof", "求", "导数", "matrix", "group",
        "eigenvalue", "converges", "lemma", "$\\sum_{n=1}^\\infty$", "ring", "field", "vector"};
    SplittableRandom random = new SplittableRandom(7);
    rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1000 + random.nextInt(5000);
      while (text.length() < length) {
        text.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ".\n" : " ");
      }
      String url = "https://example.org/page/" + i;
      rows.add(new CorpusRow(DocIds.of(url, "<urn:uuid:" + i + ">"), url, "example.org", "Page " + i, text.toString(), i % 7 == 0 ? "zh" : "en",
          0.5 + random.nextDouble() / 2, 1 + i % 3, 0, "", Instant.ofEpochSecond(1_700_000_000L + i), "crawl.warc.gz", 1000L * i, "<urn:uuid:" + i + ">",
          1 + i % 4, i % 5, "mathsieve-extract/1.0", "abc", ""));
    }
    Files.createDirectories(dir.resolve("in"));
    for (int f = 0; f < 2; f++) {
      try (ParquetWriter<CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, new LocalOutputFile(dir.resolve("in/part-" + f + ".parquet")), Map.of())) {
        for (int i = f; i < rows.size(); i += 2) {
          w.write(rows.get(i));
        }
      }
    }
    config = ExportConfig.from(Settings.empty().with("export.target-file-bytes", String.valueOf(TARGET), "test"));
  }

  @Test
  void filesRollAtTheTargetSizeAndHoldEveryRowOnceInDocIdOrder() throws Exception {
    ExportJob.Result r = ExportJob.run(dir.resolve("in"), dir.resolve("out/corpus"), dir.resolve("work"), TOKENIZER, config, 3, "fp1", Jobs.local(2));

    assertThat(r.rows()).isEqualTo(600);
    assertThat(r.files()).hasSizeGreaterThan(3);
    Map<Integer, List<CorpusFile>> byBucket = new TreeMap<>();
    r.files().forEach(f -> byBucket.computeIfAbsent(f.bucket(), b -> new ArrayList<>()).add(f));
    assertThat(byBucket.keySet()).containsExactly(0, 1, 2);
    List<String> seen = new ArrayList<>();
    long tokens = 0;
    for (List<CorpusFile> files : byBucket.values()) {
      for (int i = 0; i < files.size(); i++) {
        CorpusFile f = files.get(i);
        Path p = dir.resolve("out/corpus").resolve(f.file());
        assertThat(f.file()).isEqualTo(ShardWriter.fileName(f.bucket(), i));
        assertThat(Files.size(p)).isEqualTo(f.bytes());
        assertThat(sha256(p)).isEqualTo(f.sha256());
        // A file rolls once its data reaches the target: all but a bucket's last are within a page
        // (which compresses when the file closes) below it, and at most one document and a footer above.
        if (i < files.size() - 1) {
          assertThat(f.bytes()).isBetween(TARGET - ShardWriter.pageBytes(TARGET), TARGET + 16_384);
        } else {
          assertThat(f.bytes()).isLessThan(TARGET + 16_384);
        }
        List<CorpusRow> in = StoreReader.readAll(Stores.CORPUS, new org.apache.flink.core.fs.Path(p.toUri()));
        assertThat(in).hasSize((int) f.rows());
        List<String> ids = in.stream().map(CorpusRow::docId).toList();
        assertThat(ids).isSorted();
        assertThat(ids.get(0)).isEqualTo(f.firstDocId());
        assertThat(ids.get(ids.size() - 1)).isEqualTo(f.lastDocId());
        for (CorpusRow row : in) {
          assertThat(Math.floorMod(NearDedupRecords.node(row.docId()), 3)).isEqualTo(f.bucket());
          assertThat(row.tokenizer()).isEqualTo("deepseek-v3");
          assertThat(row.configFingerprint()).isEqualTo("fp1");
        }
        assertThat(in.stream().mapToLong(CorpusRow::tokenCount).sum()).isEqualTo(f.tokens());
        tokens += f.tokens();
        seen.addAll(ids);
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(p))) {
          assertThat(footer.getFooter().getBlocks().get(0).getColumns().get(0).getCodec().name()).isEqualTo("ZSTD");
        }
      }
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize(600);
    assertThat(tokens).isEqualTo(r.tokens());

    // Token counts are the tokenizer's, row by row.
    CorpusTokenizer t = TokenizerCache.get(TOKENIZER);
    Map<String, Long> expected = new TreeMap<>();
    rows.forEach(x -> expected.put(x.docId(), (long) t.count(x.text())));
    try (Duck duck = new Duck()) {
      for (Map<String, Object> row : duck.query("SELECT doc_id, token_count FROM " + Duck.store(dir.resolve("out/corpus")))) {
        assertThat(((Number) row.get("token_count")).longValue()).isEqualTo(expected.get((String) row.get("doc_id")));
      }
      assertThat(duck.count("SELECT count(*) FROM " + Duck.store(dir.resolve("out/corpus")))).isEqualTo(600);
    }
  }

  @Test
  void theFilesAreTheSameWhateverTheParallelism() throws Exception {
    ExportJob.Result one = ExportJob.run(dir.resolve("in"), dir.resolve("a/corpus"), dir.resolve("wa"), TOKENIZER, config, 3, "fp", Jobs.local(1));
    ExportJob.Result two = ExportJob.run(dir.resolve("in"), dir.resolve("b/corpus"), dir.resolve("wb"), TOKENIZER, config, 3, "fp", Jobs.local(2));
    assertThat(one.files()).isEqualTo(two.files()); // names, rows, tokens, bytes and SHA-256
  }

  @Test
  void bucketsLargerThanTheSortMemoryAreSortedOnDiskIntoTheSameFiles() throws Exception {
    ExportJob.Result inMemory = ExportJob.run(dir.resolve("in"), dir.resolve("a/corpus"), dir.resolve("wa"), TOKENIZER, config, 3, "fp", Jobs.local(2));
    ExportConfig small = ExportConfig.from(Settings.empty().with("export.target-file-bytes", String.valueOf(TARGET), "test")
        .with("export.sort-memory-bytes", String.valueOf(64 << 10), "test"));
    ExportJob.Result onDisk = ExportJob.run(dir.resolve("in"), dir.resolve("b/corpus"), dir.resolve("wb"), TOKENIZER, small, 3, "fp", Jobs.local(2));
    assertThat(inMemory.sortSpills()).isZero();
    assertThat(onDisk.sortSpills()).as("a bucket holds about 1.4 MB of rows").isGreaterThan(3 * 10);
    assertThat(onDisk.files()).isEqualTo(inMemory.files());
  }

  @Test
  void theBucketCountFollowsTheCorpusSize() {
    ExportConfig c = ExportConfig.from(Settings.empty());
    assertThat(ExportJob.buckets(0, c, 0)).isEqualTo(1);
    assertThat(ExportJob.buckets(1L << 30, c, 0)).isEqualTo(1); // 1 GiB of text is about 360 MB of files
    assertThat(ExportJob.buckets(100L << 30, c, 0)).isEqualTo(70);
    assertThat(ExportJob.buckets(100L << 30, c, 12)).isEqualTo(12);
  }

  static String sha256(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }
}

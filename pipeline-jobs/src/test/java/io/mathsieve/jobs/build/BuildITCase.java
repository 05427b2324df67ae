package io.mathsieve.jobs.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.Duck;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.samples.SampleGenerator;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole build on a MiniCluster over generated samples (six WARC files with broken records,
 * duplicates, near-duplicates and planted benchmark text), once, then checked from every side:
 * the funnel, every input record's fate, the corpus through DuckDB, the manifest, full texts, and
 * restarts. The pages store keeps only 1,000 chars of text, so most corpus texts are re-read from
 * the WARC files; corpus files of 64 KB make several files.
 */
public class BuildITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path samples;
  static Path out;
  static BuildDriver.Result result;
  static JsonNode run;
  static JsonNode manifest;

  static BuildDriver.Request request(Path output, Settings extra, int parallelism, List<String> log) throws Exception {
    Settings s = Settings.read(samples.resolve("demo.conf"))
        .with("pages.text-cap-chars", "1000", "test")
        .with("export.target-file-bytes", String.valueOf(64 << 10), "test")
        .overriddenBy(extra);
    return new BuildDriver.Request(BuildDriver.Inputs.sampleSet(samples, samples.resolve("labels.tsv")), MathsieveConfig.from(s), output,
        new BuildDriver.Options(Jobs.local(parallelism), 0, false, log::add));
  }

  @BeforeAll
  static void build() throws Exception {
    samples = dir.resolve("samples");
    SampleGenerator.generate(samples, SampleGenerator.Options.defaults());
    Files.copy(Path.of("..", "samples", "demo.conf"), samples.resolve("demo.conf"));
    out = dir.resolve("build");
    result = BuildDriver.run(request(out, Settings.empty(), 2, new ArrayList<>()));
    run = JSON.readTree(out.resolve("run.json").toFile());
    manifest = JSON.readTree(out.resolve("manifest.json").toFile());
  }


  static List<CorpusRow> corpus(Path build) throws Exception {
    return StoreReader.readAll(Stores.CORPUS, FlinkFiles.of(build.resolve("corpus")));
  }

  static List<Rejection> rejections(Path build) throws Exception {
    return StoreReader.readAll(Stores.REJECTIONS, FlinkFiles.of(build.resolve("rejections")));
  }

  @Test
  void everyInputRecordEndsInTheCorpusOrInTheRejections() throws Exception {
    List<CorpusRow> corpus = corpus(out);
    List<Rejection> rejected = rejections(out);
    Map<String, String> fate = new HashMap<>(); // basename@offset -> corpus | stage/reason
    corpus.forEach(r -> assertThat(fate.put(key(r.warcFile(), r.warcOffset()), "corpus")).isNull());
    rejected.forEach(r -> assertThat(fate.put(key(r.warcFile(), r.warcOffset()), r.key())).as("one fate per record").isNull());
    int records = 0;
    Map<String, Integer> byFate = new TreeMap<>();
    for (String line : Files.readAllLines(samples.resolve("manifest.jsonl"))) {
      JsonNode m = JSON.readTree(line);
      if (!m.has("offset")) {
        continue; // a file summary line
      }
      records++;
      String f = fate.get(key(m.get("warc_file").asText(), m.get("offset").asLong()));
      assertThat(f).as("fate of %s", m.get("url")).isNotNull();
      if (!m.get("expect").asText().equals("page")) {
        assertThat(f).as("a broken record is rejected for the reason planted").isEqualTo(m.get("expect").asText());
      }
      byFate.merge(f.equals("corpus") ? "corpus" : f.substring(0, f.indexOf('/')), 1, Integer::sum);
    }
    assertThat(fate).hasSize(records);
    assertThat(byFate).containsKeys("corpus", "classify", "dedup", "decontam", "warc", "extract");

    // run.json: the funnel and the accounting agree with the stores.
    JsonNode funnel = run.get("funnel");
    assertThat(run.at("/accounting/balanced").asBoolean()).isTrue();
    assertThat(funnel.get("response_records").asLong()).isEqualTo(records);
    assertThat(funnel.get("corpus_rows").asLong()).isEqualTo(corpus.size()).isEqualTo(funnel.get("after_decontam").asLong());
    assertThat(funnel.get("collected").asLong()).isGreaterThanOrEqualTo(funnel.get("after_near_dedup").asLong());
    assertThat(funnel.get("after_near_dedup").asLong()).isGreaterThan(funnel.get("after_decontam").asLong());
    long rejectedInRun = 0;
    for (JsonNode n : run.get("rejections")) {
      rejectedInRun += n.asLong();
    }
    assertThat(rejectedInRun).isEqualTo(rejected.size());
    assertThat(funnel.get("collected_per_iteration").size()).isEqualTo(run.at("/stages/iterate/summary/loop/final_iteration").asInt());
  }

  static String key(String warcFile, long offset) {
    return Path.of(warcFile).getFileName() + "@" + offset;
  }

  @Test
  void theCorpusIsMostlyMathAndHoldsNoPlantedDuplicateOrBenchmarkText() throws Exception {
    Map<String, JsonNode> byUrl = new HashMap<>();
    for (String line : Files.readAllLines(samples.resolve("manifest.jsonl"))) {
      JsonNode m = JSON.readTree(line);
      if (m.has("url")) {
        byUrl.put(m.get("url").asText(), m);
      }
    }
    long math = 0;
    List<CorpusRow> corpus = corpus(out);
    for (CorpusRow r : corpus) {
      JsonNode m = byUrl.get(r.url());
      math += m.get("is_math").asBoolean() ? 1 : 0;
      // Pages with planted benchmark text are gone; near misses (planted to stay) may remain.
      assertThat(m.path("expect_decontam").asText("page")).as("planted %s in the corpus", r.url()).isEqualTo("page");
      assertThat(r.clusterSize()).isPositive();
    }
    assertThat((double) math / corpus.size()).as("precision on the samples").isGreaterThan(0.9);
    assertThat(corpus.stream().filter(r -> r.clusterSize() > 1)).isNotEmpty();
  }

  @Test
  void theCorpusOpensInDuckDbWithTheDocumentedTypesAndTheManifestTotals() throws Exception {
    try (Duck duck = new Duck()) {
      String corpus = Duck.store(out.resolve("corpus"));
      Map<String, String> types = new TreeMap<>();
      for (Map<String, Object> row : duck.query("DESCRIBE SELECT * FROM " + corpus)) {
        types.put((String) row.get("column_name"), (String) row.get("column_type"));
      }
      assertThat(types).containsEntry("doc_id", "VARCHAR").containsEntry("text", "VARCHAR").containsEntry("math_score", "DOUBLE")
          .containsEntry("iteration", "INTEGER").containsEntry("token_count", "BIGINT").containsEntry("cluster_size", "INTEGER")
          .containsEntry("warc_offset", "BIGINT");
      assertThat(types.get("fetch_time")).startsWith("TIMESTAMP");
      assertThat(types.keySet()).containsAll(List.of("url", "domain", "lang", "tokenizer", "warc_file", "extractor_version", "model_version",
          "config_fingerprint"));
      assertThat(duck.count("SELECT count(*) FROM " + corpus)).isEqualTo(manifest.at("/totals/rows").asLong());
      assertThat(duck.count("SELECT sum(token_count) FROM " + corpus)).isEqualTo(manifest.at("/totals/tokens").asLong());
      assertThat(duck.count("SELECT count(DISTINCT doc_id) FROM " + corpus)).isEqualTo(manifest.at("/totals/rows").asLong());
      assertThat(duck.count("SELECT count(*) FROM " + corpus + " WHERE token_count <= 0 OR tokenizer <> 'deepseek-v3' OR config_fingerprint <> '"
          + run.get("config_fingerprint").asText() + "'")).isZero();
      assertThat(duck.count("SELECT count(*) FROM " + corpus + " WHERE text LIKE '%$%' OR text LIKE '%\\frac%'")).isPositive();
    }
  }

  @Test
  void theManifestListsEveryFileWithItsRowsTokensAndChecksum() throws Exception {
    List<String> onDisk;
    try (Stream<Path> s = Files.list(out.resolve("corpus"))) {
      onDisk = s.map(p -> "corpus/" + p.getFileName()).sorted().toList();
    }
    List<String> listed = new ArrayList<>();
    long rows = 0;
    long tokens = 0;
    long bytes = 0;
    for (JsonNode f : manifest.get("files")) {
      Path p = out.resolve(f.get("path").asText());
      listed.add(f.get("path").asText());
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))).isEqualTo(f.get("sha256").asText());
      assertThat(Files.size(p)).isEqualTo(f.get("bytes").asLong());
      List<CorpusRow> in = StoreReader.readAll(Stores.CORPUS, FlinkFiles.of(p));
      assertThat(in).hasSize(f.get("rows").asInt());
      assertThat(in.stream().mapToLong(CorpusRow::tokenCount).sum()).isEqualTo(f.get("tokens").asLong());
      rows += f.get("rows").asLong();
      tokens += f.get("tokens").asLong();
      bytes += f.get("bytes").asLong();
    }
    assertThat(listed).isEqualTo(onDisk).hasSizeGreaterThan(1);
    assertThat(manifest.at("/totals/rows").asLong()).isEqualTo(rows);
    assertThat(manifest.at("/totals/tokens").asLong()).isEqualTo(tokens).isEqualTo(run.at("/funnel/corpus_tokens").asLong());
    assertThat(manifest.at("/totals/bytes").asLong()).isEqualTo(bytes);
    assertThat(manifest.at("/tokenizer/name").asText()).isEqualTo("deepseek-v3");
    assertThat(manifest.at("/tokenizer/version").asText()).isEqualTo("621ac2e32d0dba65");
    assertThat(manifest.at("/config/export.target-file-bytes").asText()).isEqualTo("65536");
    assertThat(manifest.at("/classifier/model_version").asText()).hasSize(16);
    assertThat(manifest.get("inputs").get("warc_files")).hasSize(6);
    long responses = 0;
    for (JsonNode w : manifest.at("/inputs/warc_files")) {
      assertThat(w.get("read").asBoolean()).isTrue();
      responses += w.get("response_records").asLong() + w.get("corrupt_regions").asLong();
    }
    assertThat(responses).isEqualTo(run.at("/funnel/response_records").asLong());
    // The manifest reads back as the record the report reads.
    Manifest typed = Manifest.read(FlinkFiles.of(out.resolve("manifest.json")));
    assertThat(typed.totals()).isEqualTo(new Manifest.Totals(listed.size(), rows, tokens, bytes, manifest.at("/totals/buckets").asLong()));
    assertThat(typed.files()).extracting(Manifest.CorpusFileEntry::path).isEqualTo(listed);
  }

  @Test
  void corpusTextsAreWholeWhereThePagesStoreKeptAPrefix() throws Exception {
    Map<String, TextDocument> pages = new HashMap<>();
    StoreReader.forEach(Stores.PAGES, FlinkFiles.of(out.resolve("stages/extract/pages")), d -> pages.put(d.docId(), d));
    int truncated = 0;
    for (CorpusRow r : corpus(out)) {
      TextDocument d = pages.get(r.docId());
      assertThat(r.text()).hasSize(d.textChars()).startsWith(d.text());
      truncated += d.textTruncated() ? 1 : 0;
    }
    assertThat(truncated).isGreaterThan(50);
    assertThat(run.at("/stages/select/summary/full_text_reread").asLong()).isGreaterThanOrEqualTo(truncated);
  }

  @Test
  void aFinishedBuildIsSkippedAnInterruptedOneResumesAndAChangedSettingRerunsOnlyWhatItAffects() throws Exception {
    Path out = dir.resolve("copy"); // the other tests read the first build: work on a copy
    copy(BuildITCase.out, out);
    Map<String, String> before = checksums(out);
    List<String> log = new ArrayList<>();
    BuildDriver.Result again = BuildDriver.run(request(out, Settings.empty(), 2, log));
    assertThat(again.skipped()).containsExactlyElementsOf(BuildDriver.STAGES);
    assertThat(checksums(out)).isEqualTo(before);

    // An export interrupted before its marker: only the export runs again, to the same files.
    Files.delete(out.resolve("stages/export.done.json"));
    io.mathsieve.jobs.run.OutputDirectory.delete(out.resolve("corpus"));
    BuildDriver.Result resumed = BuildDriver.run(request(out, Settings.empty(), 2, new ArrayList<>()));
    assertThat(resumed.skipped()).containsExactly("extract", "iterate", "select", "near-dedup", "decontam");
    assertThat(checksums(out)).isEqualTo(before);

    // A marker whose summary does not read (a field missing, as one written by another version)
    // counts as absent: that stage runs again, to the same files, and the stages after it are reused.
    Path nearMarker = out.resolve("stages/near-dedup.done.json");
    com.fasterxml.jackson.databind.node.ObjectNode marker = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(nearMarker.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) marker.get("summary")).remove("kept");
    Files.writeString(nearMarker, JSON.writeValueAsString(marker));
    List<String> rerunLog = new ArrayList<>();
    BuildDriver.Result reread = BuildDriver.run(request(out, Settings.empty(), 2, rerunLog));
    assertThat(reread.skipped()).containsExactly("extract", "iterate", "select", "decontam", "export");
    assertThat(rerunLog).anySatisfy(l -> assertThat(l).startsWith("stage near-dedup: its marker does not read, running again").contains("'kept'"));
    assertThat(checksums(out)).isEqualTo(before);

    // A decontamination setting re-runs decontam and export, not the classifier.
    BuildDriver.Result changed = BuildDriver.run(request(out, Settings.empty().with("decontam.mode", "report", "test"), 2, new ArrayList<>()));
    assertThat(changed.skipped()).containsExactly("extract", "iterate", "select", "near-dedup");
    JsonNode after = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(after.at("/funnel/after_decontam").asLong()).isEqualTo(after.at("/funnel/after_near_dedup").asLong());
    assertThat(after.at("/accounting/balanced").asBoolean()).isTrue();
  }

  @Test
  void theReportShowsEverySectionFilledFromTheRun() throws Exception {
    String html = Files.readString(FlinkFiles.local(result.report()));
    assertThat(FlinkFiles.local(result.report())).isEqualTo(out.resolve("report.html").toAbsolutePath());
    assertThat(run.at("/stages/iterate/summary/loop/iterations")).isNotEmpty();
    for (JsonNode it : run.at("/stages/iterate/summary/loop/iterations")) {
      assertThat(html).contains("<h3>Iteration " + it.get("iteration").asInt() + "</h3>");
    }
    for (JsonNode b : run.at("/stages/decontam/summary/benchmarks")) {
      assertThat(html).contains("<tr><td>" + b.get("benchmark").asText() + "</td>");
    }
    run.get("rejections").fieldNames().forEachRemaining(reason -> assertThat(html).contains("<code>" + reason + "</code>"));
    assertThat(html).contains("Examples: <code>classify/not_collected</code>").contains("<article class=\"doc\">")
        .contains(String.format(java.util.Locale.ROOT, "%,d", run.at("/funnel/corpus_tokens").asLong()));
    assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script").doesNotContain("<img").doesNotContain("<link").doesNotContain("<iframe");
  }

  // notebooks-docs/notebooks/explore_corpus.ipynb: every SQL query in it runs on a build and returns rows.
  @Test
  void theNotebookQueriesRunOnABuild() throws Exception {
    JsonNode nb = JSON.readTree(Path.of("..", "notebooks-docs", "notebooks", "explore_corpus.ipynb").toFile());
    java.util.regex.Pattern sql = java.util.regex.Pattern.compile("\"\"\"(.*?)\"\"\"", java.util.regex.Pattern.DOTALL);
    int queries = 0;
    try (Duck duck = new Duck()) {
      for (JsonNode cell : nb.get("cells")) {
        if (!cell.get("cell_type").asText().equals("code")) {
          continue;
        }
        StringBuilder source = new StringBuilder();
        cell.get("source").forEach(line -> source.append(line.asText()));
        java.util.regex.Matcher m = sql.matcher(source);
        while (m.find()) {
          String query = m.group(1).replace("{run}", out.toAbsolutePath().toString());
          assertThat(duck.query(query)).as(query).isNotEmpty();
          queries++;
        }
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(8);
  }

  @Test
  void aFreshBuildWithOtherParallelismGivesByteIdenticalCorpusFiles() throws Exception {
    Path other = dir.resolve("again");
    BuildDriver.run(request(other, Settings.empty(), 1, new ArrayList<>()));
    assertThat(checksums(other)).isEqualTo(checksums(out));
  }

  static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
  }

  /** SHA-256 of each corpus file of a build, by name. */
  public static Map<String, String> checksums(Path build) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(build.resolve("corpus"))) {
      for (Path p : s.toList()) {
        m.put(p.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return m;
  }
}

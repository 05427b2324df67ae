package io.mathsieve.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.jobs.Duck;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.source.WarcSplit;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.samples.SampleGenerator;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Column;
import io.mathsieve.schemas.store.StoreSchema;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The extract job on a MiniCluster over generated samples, checked against the generator's manifest and read back with DuckDB. */
class ExtractJobITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  @TempDir static Path dir;
  static Path out;
  static List<JsonNode> manifest = new ArrayList<>();
  static JsonNode runJson;

  @BeforeAll
  static void run() throws Exception {
    SampleGenerator.generate(dir.resolve("samples"), SampleGenerator.Options.defaults());
    List<WarcSplit> splits = InputResolver.resolve(List.of(dir.resolve("samples").toString()));
    out = dir.resolve("out");
    ExtractJob.run(splits, out, MathsieveConfig.defaults(), Jobs.local(2), false);
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("samples/manifest.jsonl"))) {
      manifest.add(json.readTree(line));
    }
    runJson = json.readTree(out.resolve("run.json").toFile());
  }

  // The accounting invariant: every response record of the input is exactly one pages row or one
  // rejections row, with the outcome the generator planned for it (including the planted URL and
  // exact duplicates: the later fetch is kept, the original dropped).
  @Test
  void everyResponseRecordIsAPageOrARejection() throws Exception {
    Map<String, String> outcome = new HashMap<>();
    for (TextDocument d : StoreReader.readAll(Stores.PAGES, new org.apache.flink.core.fs.Path(out.resolve("pages").toUri()))) {
      assertThat(outcome.put(key(d.warcFile(), d.warcOffset()), "page")).as("one row per record").isNull();
      assertThat(d.docId()).isEqualTo(DocIds.of(d.url(), d.warcRecordId()));
    }
    for (Rejection r : StoreReader.readAll(Stores.REJECTIONS, new org.apache.flink.core.fs.Path(out.resolve("rejections").toUri()))) {
      assertThat(outcome.put(key(r.warcFile(), r.warcOffset()), r.key())).as("one row per record").isNull();
    }
    int responses = 0;
    for (JsonNode m : manifest) {
      if (m.has("url")) {
        responses++;
        String expected = m.has("expect_dedup") ? m.get("expect_dedup").asText() : m.get("expect").asText();
        assertThat(outcome.get(key(m.get("warc_file").asText(), m.get("offset").asLong()))).as(m.get("url").asText()).isEqualTo(expected);
      }
    }
    assertThat(outcome).hasSize(responses);
    assertThat(outcome.values()).filteredOn("dedup/url"::equals).hasSize(12);
    assertThat(outcome.values()).filteredOn("dedup/exact"::equals).hasSize(12);
    assertThat(runJson.at("/accounting/balanced").asBoolean()).isTrue();
    assertThat(runJson.get("pages").asLong()).isEqualTo(outcome.values().stream().filter("page"::equals).count());
  }

  // DuckDB, an independent reader, opens every store, sees the documented columns and types, and agrees on counts.
  // When the totals do not balance, the summary names the WARC files whose pages and rejections
  // fall short of their records, by as many as are missing: here, the pages of one lost part file.
  @Test
  void anUnbalancedRunNamesTheFilesThatLostRows() throws Exception {
    Path copy = dir.resolve("unbalanced");
    try (java.util.stream.Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.createDirectories(copy.resolve(out.relativize(f)).getParent());
        Files.copy(f, copy.resolve(out.relativize(f)));
      }
    }
    assertThat(ExtractJob.unbalancedFiles(FlinkFiles.of(copy))).as("balanced stores").isEmpty();
    Path lost = Files.createDirectories(dir.resolve("lost"));
    Path part = Path.of(StoreReader.files(FlinkFiles.of(copy.resolve("pages"))).get(0).toUri());
    Files.move(part, lost.resolve(part.getFileName()));
    Map<String, Long> lostByFile = new java.util.TreeMap<>();
    StoreReader.forEach(Stores.PAGES, FlinkFiles.of(lost), d -> lostByFile.merge(d.warcFile(), 1L, Long::sum));
    assertThat(lostByFile).isNotEmpty();
    List<ExtractSummary.UnbalancedFile> unbalanced = ExtractJob.unbalancedFiles(FlinkFiles.of(copy));
    assertThat(unbalanced).extracting(ExtractSummary.UnbalancedFile::file).containsExactlyElementsOf(lostByFile.keySet());
    assertThat(unbalanced).allSatisfy(f -> assertThat(f.recordsAndUnreadableRegions() - f.pagesPlusRejections()).isEqualTo(lostByFile.get(f.file())));
  }

  @Test
  void storesOpenInDuckDb() throws Exception {
    try (Duck duck = new Duck()) {
      for (StoreSchema<?> s : List.of(Stores.PAGES, Stores.REJECTIONS, Stores.FILES)) {
        List<Map<String, Object>> cols = duck.query("DESCRIBE SELECT * FROM " + Duck.store(out.resolve(s.name())));
        Map<String, String> types = new HashMap<>();
        cols.forEach(c -> types.put((String) c.get("column_name"), (String) c.get("column_type")));
        for (Column<?> c : s.columns()) {
          assertThat(types.get(c.name())).as(s.name() + "." + c.name()).isEqualTo(c.type().sqlType());
        }
        assertThat(types).hasSize(s.columns().size());
      }
      assertThat(duck.count("SELECT count(*) FROM " + Duck.store(out.resolve("pages")))).isEqualTo(runJson.get("pages").asLong());
      List<Map<String, Object>> byReason = duck.query("SELECT stage || '/' || reason AS k, count(*) AS n FROM "
          + Duck.store(out.resolve("rejections")) + " GROUP BY 1 ORDER BY 1");
      byReason.forEach(r -> assertThat(runJson.at("/rejections/" + r.get("k").toString().replace("/", "~1")).asLong())
          .as(r.get("k").toString()).isEqualTo(((Number) r.get("n")).longValue()));
      assertThat(duck.count("SELECT sum(response) FROM " + Duck.store(out.resolve("files")))).isEqualTo(runJson.at("/records/response").asLong());
      // Math survives the round trip: a LaTeX command, and a Chinese page.
      assertThat(duck.count("SELECT count(*) FROM " + Duck.store(out.resolve("pages")) + " WHERE text LIKE '%\\frac{%' AND math_formulas > 0"))
          .isGreaterThan(50);
      assertThat(duck.count("SELECT count(*) FROM " + Duck.store(out.resolve("pages")) + " WHERE lang = 'zh'")).isGreaterThan(20);
      assertThat(duck.count("SELECT count(*) FROM " + Duck.store(out.resolve("pages"))
          + " WHERE fetch_time < TIMESTAMPTZ '2024-03-01 00:00:00+00' OR fetch_time > TIMESTAMPTZ '2024-04-01 00:00:00+00'")).isZero();
    }
  }

  // The same input and config give the same rows, ids and counts.
  @Test
  void deterministic() throws Exception {
    Path again = dir.resolve("again");
    List<WarcSplit> splits = InputResolver.resolve(List.of(dir.resolve("samples").toString()));
    ExtractJob.run(splits, again, MathsieveConfig.defaults(), Jobs.local(1), false);
    try (Duck duck = new Duck()) {
      for (String store : List.of("pages", "rejections", "files")) {
        String a = "SELECT * FROM " + Duck.store(out.resolve(store));
        String b = "SELECT * FROM " + Duck.store(again.resolve(store));
        assertThat(duck.count("SELECT count(*) FROM ((" + a + ") EXCEPT ALL (" + b + "))")).as(store).isZero();
        assertThat(duck.count("SELECT count(*) FROM ((" + b + ") EXCEPT ALL (" + a + "))")).as(store).isZero();
      }
    }
  }

  private static String key(String warcFile, long offset) {
    return Path.of(warcFile).getFileName() + "@" + offset;
  }
}

package io.mathsieve.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.dedup.cluster.LocalNearDedup;
import io.mathsieve.dedup.cluster.UnionFind;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.dedup.NearDedupRecords.Edge;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.store.PagesAdapter;
import io.mathsieve.jobs.store.StoreParquetWriter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.samples.SampleGenerator;
import io.mathsieve.schemas.ClusterMember;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Near-dedup on a MiniCluster: planted near-copies in generated samples, and components of hard graphs. */
class NearDedupITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  @TempDir Path dir;


  // Over the generated samples (URL and exact dedup already done by extract): every planted
  // near-copy (2% of words changed, fetched later) is dropped as dedup/near naming its original, and
  // the clusters (planted or not: short templated pages can be near-duplicates too) equal the
  // in-memory reference's.
  @Test
  void plantedNearDuplicatesAreRemoved() throws Exception {
    SampleGenerator.generate(dir.resolve("samples"), SampleGenerator.Options.defaults());
    ExtractJob.run(InputResolver.resolve(List.of(dir.resolve("samples").toString())), dir.resolve("x"), MathsieveConfig.defaults(), Jobs.local(2), false);
    DedupConfig config = DedupConfig.defaults();
    NearDedupSummary r = NearDedupJob.run(() -> Stores.PAGES, TextDocument.class, new PagesAdapter(), dir.resolve("x/pages"),
        dir.resolve("d"), config, Jobs.local(2), false);

    Map<String, String> plantedOf = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("samples/manifest.jsonl"))) {
      JsonNode m = json.readTree(line);
      if ("near_dup".equals(m.at("/planted/kind").asText())) {
        plantedOf.put(m.get("url").asText(), m.at("/planted/of").asText());
      }
    }
    assertThat(plantedOf).hasSize(12);
    List<TextDocument> pages = StoreReader.readAll(Stores.PAGES, FlinkFiles.of(dir.resolve("x/pages")));
    Map<String, String> urlOf = pages.stream().collect(Collectors.toMap(TextDocument::docId, TextDocument::url));
    List<Rejection> dropped = StoreReader.readAll(Stores.REJECTIONS, FlinkFiles.of(dir.resolve("d/rejections")));
    Map<String, String> droppedUrls = new HashMap<>();
    for (Rejection x : dropped) {
      assertThat(x.key()).isEqualTo("dedup/near");
      String keptId = x.detail().substring("near-duplicate of ".length(), "near-duplicate of ".length() + 32);
      droppedUrls.put(x.url(), urlOf.get(keptId));
    }
    assertThat(droppedUrls).containsAllEntriesOf(plantedOf);
    assertThat(droppedUrls.size()).as("unplanted near-duplicates").isLessThanOrEqualTo(plantedOf.size() + 3);
    assertThat(r.kept()).isEqualTo(pages.size() - dropped.size());
    assertThat(StoreReader.readAll(Stores.PAGES, FlinkFiles.of(dir.resolve("d/pages")))).hasSize(pages.size() - dropped.size());

    // Same clusters as the in-memory reference.
    Map<String, String> texts = pages.stream().collect(Collectors.toMap(TextDocument::docId, TextDocument::text));
    Map<String, String> reference = LocalNearDedup.clusters(texts, config.minHash(), config.minSimilarity());
    Map<String, Set<String>> refClusters = new HashMap<>();
    reference.forEach((doc, c) -> refClusters.computeIfAbsent(c, k -> new HashSet<>()).add(doc));
    Set<Set<String>> expected = refClusters.values().stream().filter(s -> s.size() > 1).collect(Collectors.toSet());
    Map<String, Set<String>> got = new HashMap<>();
    for (ClusterMember m : StoreReader.readAll(Stores.CLUSTERS, FlinkFiles.of(dir.resolve("d/clusters")))) {
      got.computeIfAbsent(m.clusterId(), k -> new HashSet<>()).add(m.docId());
    }
    assertThat(new HashSet<>(got.values())).isEqualTo(expected);
    assertThat(r.clusters()).as("clusters counted by the job, not re-read").isEqualTo(expected.size());
    JsonNode summary = json.readTree(dir.resolve("d/dedup.json").toFile());
    assertThat(summary.get("clusters").asLong()).isEqualTo(expected.size());
    assertThat(summary.get("setting").asText()).contains("threshold 0.719");
    assertThat(summary.at("/catch_probability/0.8").asDouble()).isEqualTo(0.924);
    assertThat(Files.exists(dir.resolve("d/.work"))).isFalse();
  }

  // With exact-Jaccard verification the distributed job gives the in-memory reference's clusters.
  // The store holds pairs whose Jaccard similarity is spread around the minimum (0.75), where the
  // signature's estimate errs both ways: the verification turns down pairs the sketch let through,
  // and every pair it merges really shares 75% of its shingles.
  @Test
  void exactJaccardVerificationMatchesTheReference() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    Map<String, String> texts = new java.util.TreeMap<>();
    List<io.mathsieve.schemas.CorpusRow> rows = new ArrayList<>();
    for (int pair = 0; pair < 80; pair++) {
      String[] words = new String[300];
      for (int i = 0; i < words.length; i++) {
        words[i] = "w" + random.nextInt(1_000_000);
      }
      String[] copy = words.clone();
      double replaced = 0.01 + 0.04 * random.nextDouble(); // Jaccard of 5-shingles about 0.6 to 0.9
      for (int i = 0; i < copy.length; i++) {
        if (random.nextDouble() < replaced) {
          copy[i] = "x" + random.nextInt(1_000_000);
        }
      }
      for (String[] t : List.of(words, copy)) {
        String id = String.format("%016x%016x", random.nextLong(), rows.size());
        String text = String.join(" ", t);
        texts.put(id, text);
        rows.add(new io.mathsieve.schemas.CorpusRow(id, "https://example.org/" + id, "example.org", "", text, "en", 0.9, 1, 0, "", java.time.Instant.EPOCH,
            "a.warc.gz", rows.size(), "", 1, 0, "x", "m", "f"));
      }
    }
    Path in = Files.createDirectories(dir.resolve("corpus"));
    try (ParquetWriter<io.mathsieve.schemas.CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, new LocalOutputFile(in.resolve("part-0.parquet")), Map.of())) {
      for (io.mathsieve.schemas.CorpusRow r : rows) {
        w.write(r);
      }
    }
    DedupConfig config = DedupConfig.from(io.mathsieve.config.Settings.empty().with("dedup.near.exact-jaccard", "true", "test")
        .with("dedup.near.min-similarity", "0.75", "test"));
    Path out = dir.resolve("d");
    NearDedupJob.run(() -> Stores.CORPUS, io.mathsieve.schemas.CorpusRow.class, new io.mathsieve.jobs.store.CorpusAdapter(), in, out, config, Jobs.local(2), false);

    Map<String, Set<String>> refClusters = new HashMap<>();
    LocalNearDedup.clusters(texts, config.minHash(), config.minSimilarity(), true)
        .forEach((doc, c) -> refClusters.computeIfAbsent(c, k -> new HashSet<>()).add(doc));
    Set<Set<String>> expected = refClusters.values().stream().filter(c -> c.size() > 1).collect(Collectors.toSet());
    Map<String, Set<String>> got = new HashMap<>();
    for (ClusterMember m : StoreReader.readAll(Stores.CLUSTERS, FlinkFiles.of(out.resolve("clusters")))) {
      got.computeIfAbsent(m.clusterId(), k -> new HashSet<>()).add(m.docId());
    }
    assertThat(new HashSet<>(got.values())).isEqualTo(expected).isNotEmpty();
    io.mathsieve.dedup.minhash.Shingler shingler = new io.mathsieve.dedup.minhash.Shingler(config.minHash().ngram(), config.minHash().seed());
    for (Set<String> cluster : got.values()) {
      List<String> ab = new ArrayList<>(cluster);
      assertThat(ab).hasSize(2);
      assertThat(io.mathsieve.dedup.minhash.ExactJaccard.of(io.mathsieve.dedup.minhash.ExactJaccard.set(shingler, texts.get(ab.get(0))),
          io.mathsieve.dedup.minhash.ExactJaccard.set(shingler, texts.get(ab.get(1))))).isGreaterThanOrEqualTo(0.75);
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("dedup.json").toFile());
    assertThat(summary.get("exact_jaccard").asBoolean()).isTrue();
    assertThat(summary.get("pairs_exact_verified").asLong()).isEqualTo(got.size());
    assertThat(summary.get("pairs_below_exact_jaccard").asLong()).as("pairs the sketch passed and the exact check turned down").isPositive();
    // Without the verification, the sketch alone merges some of those.
    Map<String, String> sketchOnly = LocalNearDedup.clusters(texts, config.minHash(), config.minSimilarity(), false);
    assertThat(sketchOnly.values().stream().distinct().count()).isLessThan(texts.size() - got.size());
  }

  // A corpus without a single candidate pair (the sketch job writes no edges store at all) keeps
  // every row and reports no cluster.
  @Test
  void aCorpusWithoutNearDuplicatesKeepsEveryRow() throws Exception {
    SplittableRandom random = new SplittableRandom(9);
    List<io.mathsieve.schemas.CorpusRow> rows = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        text.append('w').append(random.nextInt(1_000_000)).append(' ');
      }
      String id = String.format("%032x", d);
      rows.add(new io.mathsieve.schemas.CorpusRow(id, "https://example.org/" + d, "example.org", "", text.toString(), "en", 0.9, 1, 0, "",
          java.time.Instant.EPOCH, "a.warc.gz", d, "", 1, 0, "x", "m", "f"));
    }
    Path in = Files.createDirectories(dir.resolve("distinct"));
    try (ParquetWriter<io.mathsieve.schemas.CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, new LocalOutputFile(in.resolve("part-0.parquet")), Map.of())) {
      for (io.mathsieve.schemas.CorpusRow r : rows) {
        w.write(r);
      }
    }
    Path out = dir.resolve("distinct-out");
    NearDedupSummary r = NearDedupJob.run(() -> Stores.CORPUS, io.mathsieve.schemas.CorpusRow.class, new io.mathsieve.jobs.store.CorpusAdapter(), in, out,
        DedupConfig.from(io.mathsieve.config.Settings.empty()), Jobs.local(2), false);
    assertThat(r.kept()).isEqualTo(30);
    assertThat(r.clusters()).isZero();
    assertThat(StoreReader.readAll(Stores.CORPUS, FlinkFiles.of(out.resolve("corpus")))).hasSize(30);
  }

  // A selection of nothing (a classifier that collected no page) is an empty store: near-dedup
  // keeps nothing and still writes its corpus store, empty, so the stage after it reads an empty
  // store instead of failing on a missing directory (a build on real pages did, after select).
  @Test
  void anEmptyCorpusDedupsToAnEmptyStoreTheNextStageReads() throws Exception {
    Path in = Files.createDirectories(dir.resolve("empty"));
    Path first = dir.resolve("empty-out");
    NearDedupSummary r = NearDedupJob.run(() -> Stores.CORPUS, io.mathsieve.schemas.CorpusRow.class, new io.mathsieve.jobs.store.CorpusAdapter(), in,
        first, DedupConfig.from(io.mathsieve.config.Settings.empty()), Jobs.local(2), false);
    assertThat(r.kept()).isZero();
    assertThat(first.resolve("corpus")).isEmptyDirectory();
    NearDedupSummary next = NearDedupJob.run(() -> Stores.CORPUS, io.mathsieve.schemas.CorpusRow.class, new io.mathsieve.jobs.store.CorpusAdapter(),
        first.resolve("corpus"), dir.resolve("empty-next"), DedupConfig.from(io.mathsieve.config.Settings.empty()), Jobs.local(2), false);
    assertThat(next.kept()).isZero();
    assertThat(StoreReader.readAll(Stores.CORPUS, FlinkFiles.of(dir.resolve("empty-next/corpus")))).isEmpty();
  }

  // Two documents whose ids share their first 64 bits (the node id) join their near-duplicates into
  // one cluster that nothing real connects: that cluster drops nothing, the collision is counted,
  // and an ordinary pair in the same corpus is still deduplicated.
  @Test
  void aSharedNodeIdDropsNothingOfItsCluster() throws Exception {
    SplittableRandom random = new SplittableRandom(13);
    java.util.function.Supplier<String[]> words = () -> {
      String[] w = new String[300];
      for (int i = 0; i < w.length; i++) {
        w[i] = "w" + random.nextInt(1_000_000);
      }
      return w;
    };
    java.util.function.UnaryOperator<String[]> edit = w -> {
      String[] c = w.clone();
      c[10] = "edited";
      return c;
    };
    String[] a = words.get();
    String[] b = words.get();
    String[] c = words.get();
    Map<String, String[]> docs = new java.util.LinkedHashMap<>();
    docs.put("00000000000000aa" + "0".repeat(16), a); // A and B share the node 0xaa
    docs.put("00000000000000aa" + "f".repeat(16), b);
    docs.put("1".repeat(32), edit.apply(a)); // A's near-duplicate
    docs.put("2".repeat(32), edit.apply(b)); // B's near-duplicate
    docs.put("3".repeat(32), c); // an ordinary pair
    docs.put("4".repeat(32), edit.apply(c));
    for (int i = 0; i < 10; i++) {
      docs.put(String.format("9%031x", i), words.get());
    }
    List<io.mathsieve.schemas.CorpusRow> rows = new ArrayList<>();
    docs.forEach((id, w) -> rows.add(new io.mathsieve.schemas.CorpusRow(id, "https://example.org/" + id, "example.org", "", String.join(" ", w), "en",
        0.9, 1, 0, "", java.time.Instant.EPOCH, "a.warc.gz", rows.size(), "", 1, 0, "x", "m", "f")));
    Path in = Files.createDirectories(dir.resolve("shared-node"));
    try (ParquetWriter<io.mathsieve.schemas.CorpusRow> w = StoreParquetWriter.open(Stores.CORPUS, new LocalOutputFile(in.resolve("part-0.parquet")), Map.of())) {
      for (io.mathsieve.schemas.CorpusRow r : rows) {
        w.write(r);
      }
    }
    Path out = dir.resolve("shared-node-out");
    NearDedupSummary r = NearDedupJob.run(() -> Stores.CORPUS, io.mathsieve.schemas.CorpusRow.class, new io.mathsieve.jobs.store.CorpusAdapter(), in, out,
        DedupConfig.from(io.mathsieve.config.Settings.empty()), Jobs.local(2), false);
    List<String> dropped = StoreReader.readAll(Stores.REJECTIONS, FlinkFiles.of(out.resolve("rejections"))).stream().map(x -> x.url()).toList();
    assertThat(dropped).as("only one of the ordinary pair").hasSize(1).allMatch(u -> u.endsWith("3".repeat(32)) || u.endsWith("4".repeat(32)));
    assertThat(r.kept()).isEqualTo(docs.size() - 1);
    assertThat(r.clusters()).isEqualTo(2);
    assertThat(new ObjectMapper().readTree(out.resolve("dedup.json").toFile()).get("node_collisions").asLong()).isEqualTo(1);
  }

  // Components of graphs that are hard for label propagation (long chains, a big star, many small
  // pieces, edges in random order) equal union-find's, after a few distributed rounds.
  @Test
  void componentsMatchUnionFind() throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    List<Edge> edges = new ArrayList<>();
    UnionFind<Long> uf = new UnionFind<>();
    long base = 1_000;
    for (int i = 0; i < 300; i++) { // a chain 1000-1001-...-1300, numbered backwards half the way
      long a = base + i;
      long b = base + i + 1;
      edges.add(i % 2 == 0 ? new Edge(a, b) : new Edge(b, a));
    }
    for (int i = 1; i <= 200; i++) { // a star around 50
      edges.add(new Edge(5_000 + i, 50));
    }
    for (int i = 0; i < 400; i++) { // random small pieces
      long a = 10_000 + r.nextInt(600);
      long b = 10_000 + r.nextInt(600);
      edges.add(new Edge(a, b));
    }
    edges.add(new Edge(Long.MIN_VALUE + 5, Long.MAX_VALUE - 5)); // extreme ids
    java.util.Collections.shuffle(edges, new java.util.Random(3));
    for (Edge e : edges) {
      uf.union(e.a(), e.b());
    }
    Path in = dir.resolve("edges-0");
    Files.createDirectories(in);
    try (ParquetWriter<Edge> w = StoreParquetWriter.open(WorkStores.EDGES, new LocalOutputFile(in.resolve("part-0.parquet")), Map.of())) {
      for (Edge e : edges) {
        w.write(e);
      }
    }
    Path current = in;
    int rounds = 0;
    long notStar;
    do {
      Path next = dir.resolve("edges-" + (++rounds));
      notStar = NearDedupJob.componentsRound(FlinkFiles.of(current), FlinkFiles.of(next), Jobs.local(2));
      current = next;
    } while (notStar > 0 && rounds < NearDedupJob.MAX_ROUNDS);
    assertThat(notStar).isZero();
    assertThat(rounds).isLessThan(15);
    Map<Long, Long> got = new HashMap<>();
    for (Edge e : StoreReader.readAll(WorkStores.EDGES, FlinkFiles.of(current))) {
      long centre = Math.min(e.a(), e.b());
      got.put(Math.max(e.a(), e.b()), centre);
      got.put(centre, centre);
    }
    Map<Long, Long> expected = uf.components();
    expected.entrySet().removeIf(en -> !got.containsKey(en.getKey()) && en.getValue().equals(en.getKey()));
    assertThat(got).isEqualTo(expected);
  }
}

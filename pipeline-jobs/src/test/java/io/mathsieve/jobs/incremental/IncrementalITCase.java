package io.mathsieve.jobs.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.bench.StageBench;
import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.config.Settings;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.export.TokenizerSpec;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.samples.SampleGenerator;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental job against a real Kafka broker (in-JVM KRaft) on a MiniCluster: generated WARC
 * files announced on a topic end in the corpus or the rejections, each record once; history dedup
 * catches a file announced twice and near-duplicates across files; a job stopped with a savepoint
 * and restored, with more files announced meanwhile, ends with exactly the corpus of a run that was
 * never stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static KafkaClusterTestKit kafka;
  static Path samples;
  static List<Path> files;
  static Map<String, Integer> recordsPerFile = new HashMap<>();
  static Path model;
  static Path index;
  static MathsieveConfig config;

  @BeforeAll
  static void setUp() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();

    samples = dir.resolve("samples");
    SampleGenerator.generate(samples, SampleGenerator.Options.defaults());
    try (var list = Files.list(samples.resolve("warc"))) {
      files = list.sorted().toList();
    }
    for (String line : Files.readAllLines(samples.resolve("manifest.jsonl"))) {
      JsonNode m = JSON.readTree(line);
      if (m.has("offset")) {
        recordsPerFile.merge(m.get("warc_file").asText(), 1, Integer::sum);
      }
    }
    config = MathsieveConfig.from(Settings.read(Path.of("..", "samples", "demo.conf")).with("incremental.checkpoint-interval", "1s", "test"));
    model = StageBench.trainModel(samples.resolve("seed/openwebmath-sample.jsonl"), samples.resolve("negatives.jsonl"),
        Files.createDirectories(dir.resolve("model")), config.classifier());
    index = dir.resolve("benchmarks.idx");
    DecontamJob.buildIndex(List.of(samples.resolve("benchmarks")), List.of(), config.decontam(), index);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  static void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic("control-" + topic, 1, (short) 1),
          new NewTopic("accepted-" + topic, 1, (short) 1))).all().get();
    }
  }

  /**
   * The committed messages of the output topic (read_committed, from the beginning), once there
   * are at least {@code atLeast} and two more seconds brought no more; keys must be the doc ids.
   */
  static List<JsonNode> accepted(String topic, int atLeast) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (var consumer = consumer("read_committed")) {
      List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      long quietSince = System.nanoTime();
      while (out.size() < atLeast || System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
        assertThat(System.nanoTime()).as("%d committed messages on %s, have %d", atLeast, topic, out.size()).isLessThan(deadline);
        var records = consumer.poll(Duration.ofMillis(300));
        for (var r : records) {
          JsonNode m = JSON.readTree(r.value());
          assertThat(m.get("doc_id").asText()).isEqualTo(r.key());
          out.add(m);
        }
        if (!records.isEmpty()) {
          quietSince = System.nanoTime();
        }
      }
    }
    return out;
  }

  static org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer(String isolationLevel) {
    Properties p = new Properties();
    p.putAll(kafka.clientProperties());
    p.put("isolation.level", isolationLevel);
    return new org.apache.kafka.clients.consumer.KafkaConsumer<>(p, new org.apache.kafka.common.serialization.StringDeserializer(),
        new org.apache.kafka.common.serialization.StringDeserializer());
  }

  /** Offsets past the last stable one: records (and markers) of transactions still open. */
  static long openTransactionRecords(String topic) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
      var latest = java.util.Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest());
      long end = admin.listOffsets(latest).partitionResult(partition).get().offset();
      long stable = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
          .partitionResult(partition).get().offset();
      return end - stable;
    } catch (Exception e) {
      return 0;
    }
  }

  /** Every data record on the topic, committed, aborted or open (read_uncommitted). */
  static int uncommittedRecordCount(String topic) throws Exception {
    int n = 0;
    try (var consumer = consumer("read_uncommitted")) {
      var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        n += consumer.poll(Duration.ofMillis(300)).count();
      }
    }
    return n;
  }

  static void send(String topic, String message) throws Exception {
    Properties p = new Properties();
    p.putAll(kafka.clientProperties());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, message)).get();
    }
  }

  static void announce(String topic, List<Path> warcs) throws Exception {
    Properties p = new Properties();
    p.putAll(kafka.clientProperties());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (Path f : warcs) {
        // Both message formats: a bare path, and JSON with metadata.
        String message = f.getFileName().toString().endsWith("1.warc.gz") ? "{\"warc\": \"" + f + "\", \"crawl\": \"TEST-1\"}" : f.toString();
        producer.send(new ProducerRecord<>(topic, message)).get();
      }
    }
  }

  static IncrementalJob.Request request(String topic, Path out) {
    return request(topic, out, null);
  }

  static IncrementalJob.Request request(String topic, Path out, Path bootstrap) {
    return new IncrementalJob.Request(new IncrementalJob.Topics(kafka.bootstrapServers(), topic, "g-" + topic, false, "control-" + topic, "accepted-" + topic),
        model.toString(), index, out, out.resolve("checkpoints").toUri().toString(), bootstrap, config, config.incremental(),
        TokenizerSpec.resolve("deepseek-v3", "", null), Jobs.local(1));
  }

  static int expectedRecords(List<Path> warcs) {
    return warcs.stream().mapToInt(f -> recordsPerFile.get(f.getFileName().toString())).sum();
  }

  static List<CorpusRow> corpus(Path out) throws Exception {
    return StoreReader.readAll(Stores.CORPUS, new org.apache.flink.core.fs.Path(out.resolve("corpus").toUri()));
  }

  static List<Rejection> rejections(Path out) throws Exception {
    return StoreReader.readAll(Stores.REJECTIONS, new org.apache.flink.core.fs.Path(out.resolve("rejections").toUri()));
  }

  /** Waits until the committed rows reach {@code expected}. */
  static void awaitCommitted(Path out, int expected) throws Exception {
    waitFor(() -> {
      try {
        return corpus(out).size() + rejections(out).size() >= expected;
      } catch (Exception e) {
        return false;
      }
    }, "committed rows reach " + expected + " in " + out);
  }

  /** The keyed state handles in the newest completed checkpoint under {@code checkpoints}. */
  static List<Object> keyedStateHandles(Path checkpoints) throws Exception {
    Path metadata;
    try (var files = Files.walk(checkpoints)) {
      metadata = files.filter(f -> f.getFileName().toString().equals("_metadata"))
          .max(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.getParent().getFileName().toString().substring("chk-".length()))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint under " + checkpoints));
    }
    List<Object> handles = new ArrayList<>();
    try (var in = new java.io.DataInputStream(Files.newInputStream(metadata))) {
      var checkpoint = org.apache.flink.runtime.checkpoint.Checkpoints.loadCheckpointMetadata(in, IncrementalITCase.class.getClassLoader(),
          metadata.getParent().toString());
      for (var operator : checkpoint.getOperatorStates()) {
        for (var subtask : operator.getStates()) {
          handles.addAll(subtask.getManagedKeyedState());
        }
      }
    }
    return handles;
  }

  static void waitFor(Supplier<Boolean> condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(300);
    }
  }

  @Test
  @Order(1)
  void announcedFilesEndInTheCorpusOnceAndHistoryCatchesRepeatsAndNearDuplicates() throws Exception {
    createTopic("warcs");
    Path out = dir.resolve("run");
    announce("warcs", files);
    JobClient job = IncrementalJob.environment(request("warcs", out), new Configuration()).executeAsync("incremental test");
    try {
      int expected = expectedRecords(files);
      awaitCommitted(out, expected);
      List<CorpusRow> rows = corpus(out);
      Set<String> ids = new HashSet<>();
      rows.forEach(r -> assertThat(ids.add(r.docId())).as("once: %s", r.url()).isTrue());
      assertThat(rows).isNotEmpty().allSatisfy(r -> {
        assertThat(r.tokenCount()).isPositive();
        assertThat(r.tokenizer()).isEqualTo("deepseek-v3");
      });
      List<Rejection> rejected = rejections(out);
      assertThat(rows.size() + rejected.size()).isEqualTo(expected);

      // Every corpus row announced once on the output topic, with its metadata.
      Map<String, CorpusRow> rowById = new HashMap<>();
      rows.forEach(r -> rowById.put(r.docId(), r));
      List<JsonNode> messages = accepted("accepted-warcs", rows.size());
      assertThat(messages.stream().map(m -> m.get("doc_id").asText())).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(rowById.keySet());
      assertThat(messages).allSatisfy(m -> {
        CorpusRow r = rowById.get(m.get("doc_id").asText());
        assertThat(m.get("url").asText()).isEqualTo(r.url());
        assertThat(m.get("token_count").asLong()).isEqualTo(r.tokenCount());
        assertThat(m.get("model_version").asText()).isEqualTo(r.modelVersion());
        assertThat(m.get("warc_offset").asLong()).isEqualTo(r.warcOffset());
        assertThat(m.has("text")).isFalse();
      });
      assertThat(rejected).extracting(Rejection::key).contains("classify/not_collected", "dedup/url", "dedup/exact", "warc/corrupt_record");

      // A planted near-duplicate pair that both reached near-dedup: one kept, the other names it.
      Map<String, String> idByUrl = new HashMap<>();
      rows.forEach(r -> idByUrl.put(r.url(), r.docId()));
      Map<String, Rejection> nearByUrl = new HashMap<>();
      rejected.stream().filter(r -> r.key().equals("dedup/near")).forEach(r -> nearByUrl.put(r.url(), r));
      assertThat(nearByUrl).isNotEmpty();
      int pairs = 0;
      for (String line : Files.readAllLines(samples.resolve("manifest.jsonl"))) {
        JsonNode m = JSON.readTree(line);
        if ("near_dup".equals(m.at("/planted/kind").asText())) {
          String copy = m.get("url").asText();
          String original = m.at("/planted/of").asText();
          if (idByUrl.containsKey(original) && nearByUrl.containsKey(copy)) {
            assertThat(nearByUrl.get(copy).detail()).isEqualTo("near-duplicate of " + idByUrl.get(original) + " (seen before)");
            pairs++;
          }
        }
      }
      assertThat(pairs).isPositive();

      // The stream runs the batch stages' library code: each of its documents has the id, the text and
      // the score that a batch extract of the same record, scored with the same model, gives.
      ExtractJob.run(InputResolver.resolve(files.stream().map(Path::toString).toList()), dir.resolve("batch"), config, Jobs.local(2), false);
      Map<String, TextDocument> batch = new HashMap<>();
      StoreReader.readAll(Stores.PAGES, new org.apache.flink.core.fs.Path(dir.resolve("batch/pages").toUri()))
          .forEach(d -> batch.put(d.warcFile() + "@" + d.warcOffset(), d));
      int compared = 0;
      try (MathClassifier classifier = MathClassifier.load(model, config.classifier().maxChars())) {
        for (CorpusRow r : rows) {
          TextDocument d = batch.get(r.warcFile() + "@" + r.warcOffset());
          if (d == null) {
            continue; // a duplicate whose other capture the batch kept (there the latest wins, here the first seen)
          }
          compared++;
          assertThat(r.docId()).isEqualTo(d.docId());
          assertThat(r.text()).as(r.url()).startsWith(d.text());
          assertThat(r.mathScore()).as(r.url()).isEqualTo(classifier.score(d.text(), io.mathsieve.classifiers.math.MathSignals.of(d.formulas(), d.hasMathMarkup())));
        }
      }
      assertThat(compared).isGreaterThan(rows.size() * 9 / 10);

      // The first file announced again: nothing new in the corpus; its pages are duplicates of what was seen.
      int before = rows.size();
      announce("warcs", List.of(files.get(0)));
      awaitCommitted(out, expected + recordsPerFile.get(files.get(0).getFileName().toString()));
      assertThat(corpus(out)).hasSize(before);
      List<Rejection> again = rejections(out).stream().filter(r -> r.warcFile().equals(files.get(0).toString())).toList();
      assertThat(again.stream().filter(r -> r.key().equals("dedup/url") && r.detail().endsWith("(seen before)"))).hasSizeGreaterThan(10);

      // The history lives in RocksDB, checkpointed incrementally (the default state backend).
      assertThat(keyedStateHandles(out.resolve("checkpoints"))).isNotEmpty().allSatisfy(h ->
          assertThat(h).isInstanceOf(org.apache.flink.runtime.state.IncrementalRemoteKeyedStateHandle.class));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  @Order(2)
  void aJobStoppedAndRestoredEndsWithTheCorpusOfOneNeverStopped() throws Exception {
    List<Path> first = files.subList(0, 3);
    List<Path> second = files.subList(3, files.size());

    createTopic("once");
    Path straight = dir.resolve("straight");
    announce("once", files);
    JobClient one = IncrementalJob.environment(request("once", straight), new Configuration()).executeAsync("uninterrupted");
    awaitCommitted(straight, expectedRecords(files));
    one.cancel().get();

    createTopic("twice");
    Path interrupted = dir.resolve("interrupted");
    announce("twice", first);
    JobClient a = IncrementalJob.environment(request("twice", interrupted), new Configuration()).executeAsync("before the stop");
    awaitCommitted(interrupted, expectedRecords(first));
    String savepoint = a.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL).get();
    announce("twice", second); // while the job is down
    Configuration restore = new Configuration();
    restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    JobClient b = IncrementalJob.environment(request("twice", interrupted), restore).executeAsync("after the restore");
    try {
      awaitCommitted(interrupted, expectedRecords(files));
      Thread.sleep(2500); // two more checkpoints: nothing else may appear
      List<String> ids = new ArrayList<>(corpus(interrupted).stream().map(CorpusRow::docId).sorted().toList());
      assertThat(ids).doesNotHaveDuplicates();
      assertThat(ids).isEqualTo(corpus(straight).stream().map(CorpusRow::docId).sorted().toList());
      assertThat(rejections(interrupted)).hasSize(rejections(straight).size());
    } finally {
      b.cancel().get();
    }
  }

  // A job seeded with the first run's corpus (--bootstrap-from) keeps none of it again: the same
  // files announced to it add no corpus row that the seed already holds.
  @Test
  @Order(3)
  void aBootstrappedCorpusIsHistory(@org.apache.flink.test.junit5.InjectClusterClient org.apache.flink.client.program.rest.RestClusterClient<?> rest)
      throws Exception {
    Path seeded = dir.resolve("run");
    assertThat(corpus(seeded)).isNotEmpty();
    createTopic("seeded");
    Path out = dir.resolve("after-bootstrap");
    JobClient job = IncrementalJob.environment(request("seeded", out, seeded), new Configuration()).executeAsync("bootstrapped");
    try {
      waitFor(() -> {
        try {
          return rest.getJobDetails(job.getJobID()).get().getJobVertexInfos().stream()
              .anyMatch(v -> v.getName().contains("bootstrap-corpus") && v.getExecutionState() == org.apache.flink.runtime.execution.ExecutionState.FINISHED);
        } catch (Exception e) {
          return false;
        }
      }, "the bootstrap source finished");
      announce("seeded", files);
      awaitCommitted(out, expectedRecords(files));
      Set<String> before = new HashSet<>(corpus(seeded).stream().map(CorpusRow::docId).toList());
      assertThat(corpus(out)).noneSatisfy(r -> assertThat(before).contains(r.docId()));
      // Each page of the bootstrapped corpus, read again, is caught by the URL history and names
      // the corpus document (itself); the near-duplicate history holds the corpus's bands too.
      List<Rejection> again = rejections(out);
      assertThat(again).filteredOn(r -> r.key().equals("dedup/url") && before.contains(r.docId())
          && r.detail().equals("duplicate of " + r.docId() + " " + r.url() + " (seen before)")).hasSize(before.size());
      assertThat(again).filteredOn(r -> r.key().equals("dedup/near") && r.detail().endsWith("(seen before)")).isNotEmpty();

      // While the job runs, each stage's counters are Flink metrics, as the Web UI shows them. The
      // REST endpoint refreshes its metrics store in the background, one operator's at a time, so
      // ask until all have appeared.
      List<String> expected = List.of("0.extract.extract.total", "0.extract.extract.forwarded", "0.history-url.dedup.dropped.url",
          "0.collect.classify.total", "0.near-dedup.dedup.dropped.near");
      Set<String> metrics = new HashSet<>();
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      waitFor(() -> {
        try {
          for (var v : rest.getJobDetails(job.getJobID()).get().getJobVertexInfos()) {
            String url = rest.getWebInterfaceURL() + "/jobs/" + job.getJobID() + "/vertices/" + v.getJobVertexID() + "/metrics";
            String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            JSON.readTree(body).forEach(m -> metrics.add(m.get("id").asText()));
          }
        } catch (Exception e) {
          return false;
        }
        return metrics.containsAll(expected);
      }, "the REST endpoint lists the stage metrics " + expected);
    } finally {
      job.cancel().get();
    }
  }

  // A new model announced on the control topic replaces the running one: rows scored after the
  // switch record its version; a control message naming a missing model is ignored.
  @Test
  @Order(4)
  void aControlMessageSwitchesTheModelWhileTheJobRuns() throws Exception {
    Path other = StageBench.trainModel(samples.resolve("seed/openwebmath-sample.jsonl"), samples.resolve("negatives.jsonl"),
        Files.createDirectories(dir.resolve("model-b")), MathsieveConfig.from(Settings.read(Path.of("..", "samples", "demo.conf"))
            .with("classify.epoch", "20", "test")).classifier());
    String versionA = io.mathsieve.classifiers.math.FastTextTrainer.version(model);
    String versionB = io.mathsieve.classifiers.math.FastTextTrainer.version(other);
    assertThat(versionB).isNotEqualTo(versionA);
    createTopic("swap");
    Path out = dir.resolve("swap");
    announce("swap", List.of(files.get(0)));
    JobClient job = IncrementalJob.environment(request("swap", out), new Configuration()).executeAsync("model switch");
    try {
      int first = expectedRecords(List.of(files.get(0)));
      awaitCommitted(out, first);
      send("control-swap", "{\"model\": \"" + dir.resolve("no-such-model.bin") + "\"}");
      send("control-swap", "{\"model\": \"" + other + "\"}");
      waitFor(() -> {
        try {
          Map<String, Object> acc = job.getAccumulators().get();
          return acc.get("incremental.control.model") instanceof Number n && n.longValue() >= 1
              && acc.get("incremental.control.rejected") instanceof Number m && m.longValue() >= 1;
        } catch (Exception e) {
          return false;
        }
      }, "both control messages were handled");
      announce("swap", List.of(files.get(1)));
      awaitCommitted(out, first + expectedRecords(List.of(files.get(1))));
      List<CorpusRow> rows = corpus(out);
      assertThat(rows.stream().filter(r -> r.warcFile().endsWith(files.get(0).getFileName().toString())))
          .isNotEmpty().allSatisfy(r -> assertThat(r.modelVersion()).isEqualTo(versionA));
      assertThat(rows.stream().filter(r -> r.warcFile().endsWith(files.get(1).getFileName().toString())))
          .isNotEmpty().allSatisfy(r -> assertThat(r.modelVersion()).isEqualTo(versionB));
    } finally {
      job.cancel().get();
    }
  }

  // A topic carrying WARC records themselves: one message per capture's records, cut from a sample
  // file at its records' offsets; every record ends in the corpus or the rejections, named after
  // its message.
  @Test
  @Order(5)
  void aTopicOfWarcRecordsIsReadLikeFiles() throws Exception {
    Path file = files.get(0);
    byte[] bytes = Files.readAllBytes(file);
    List<Long> offsets = new ArrayList<>();
    for (String line : Files.readAllLines(samples.resolve("manifest.jsonl"))) {
      JsonNode m = JSON.readTree(line);
      if (m.has("offset") && m.get("warc_file").asText().equals(file.getFileName().toString())) {
        offsets.add(m.get("offset").asLong());
      }
    }
    offsets.sort(null);
    createTopic("records");
    Properties p = new Properties();
    p.putAll(kafka.clientProperties());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (int i = 0; i < offsets.size(); i++) {
        int from = (int) (long) offsets.get(i);
        int to = i + 1 < offsets.size() ? (int) (long) offsets.get(i + 1) : bytes.length;
        producer.send(new ProducerRecord<>("records", java.util.Arrays.copyOfRange(bytes, from, to))).get();
      }
    }
    Path out = dir.resolve("records");
    IncrementalJob.Request base = request("records", out);
    IncrementalJob.Topics t = base.topics();
    IncrementalJob.Request r = base.with(new IncrementalJob.Topics(t.bootstrapServers(), t.topic(), t.groupId(), true, t.controlTopic(), t.outputTopic()));
    JobClient job = IncrementalJob.environment(r, new Configuration()).executeAsync("records");
    try {
      awaitCommitted(out, offsets.size());
      assertThat(corpus(out).size() + rejections(out).size()).isEqualTo(offsets.size());
      assertThat(corpus(out)).isNotEmpty().allSatisfy(row -> assertThat(row.warcFile()).startsWith("kafka:records/0/"));
    } finally {
      job.cancel().get();
    }
  }

  // A real failure mid-stream: the TaskManager running the job is killed after some files were
  // committed and others not, a new one is started, Flink restarts the job from its last
  // checkpoint, more files are announced: the corpus ends exactly as the run that never failed
  // (test 2's), each document once.
  @Test
  @Order(6)
  void aTaskManagerLostMidStreamLosesAndDuplicatesNothing(@org.apache.flink.test.junit5.InjectMiniCluster org.apache.flink.runtime.minicluster.MiniCluster mini)
      throws Exception {
    Path straight = dir.resolve("straight");
    assertThat(corpus(straight)).isNotEmpty();
    createTopic("crash");
    Path out = dir.resolve("crash");
    announce("crash", files.subList(0, 3));
    // Checkpoints 3 s apart, so that the kill below lands between two of them.
    IncrementalJob.Request r = request("crash", out)
        .with(IncrementalConfig.from(Settings.read(Path.of("..", "samples", "demo.conf")).with("incremental.checkpoint-interval", "3s", "test")));
    JobClient job = IncrementalJob.environment(r, new Configuration()).executeAsync("crash");
    try {
      waitFor(() -> {
        try {
          return !corpus(out).isEmpty();
        } catch (Exception e) {
          return false;
        }
      }, "a first checkpoint committed rows");
      // More files; the TaskManager dies while their output is written but not yet committed: the
      // output topic holds records of an open transaction.
      announce("crash", files.subList(3, files.size()));
      waitFor(() -> openTransactionRecords("accepted-crash") > 0, "records in an open transaction on accepted-crash");
      mini.terminateTaskManager(0).get();
      mini.startTaskManager();
      awaitCommitted(out, expectedRecords(files));
      Thread.sleep(2500);
      List<String> ids = corpus(out).stream().map(CorpusRow::docId).sorted().toList();
      assertThat(ids).doesNotHaveDuplicates().isEqualTo(corpus(straight).stream().map(CorpusRow::docId).sorted().toList());
      assertThat(rejections(out)).hasSize(rejections(straight).size());
      // The output topic too: the killed attempt's open transaction was aborted, nothing twice.
      assertThat(accepted("accepted-crash", ids.size()).stream().map(m -> m.get("doc_id").asText()).sorted().toList()).isEqualTo(ids);
      assertThat(uncommittedRecordCount("accepted-crash")).as("the killed attempt wrote records that were aborted").isGreaterThan(ids.size());
    } finally {
      job.cancel().get();
    }
  }

  // A 200 MB file arrives slowly over loopback HTTP (about 20 MB/s in 64 KB chunks, so over 10 s):
  // a sample file's records between two runs of large records that carry no page (3 MB images,
  // rejected as not HTML, and 5 MB HTML bodies, rejected as too large). The reader reads the file
  // a slice at a time, so checkpoints go on completing while it is read, and every record ends
  // once, as a corpus row or a counted rejection.
  @Test
  @Order(7)
  void checkpointsCompleteWhileASlow200MbFileIsRead() throws Exception {
    Path file = files.get(0);
    byte[] sample = Files.readAllBytes(file);
    byte[] image = paddingRecord("image/jpeg", 3 << 20);
    byte[] giant = paddingRecord("text/html", 5 << 20);
    int images = 24;
    int giants = 26;
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      parts.add(image);
    }
    parts.add(sample);
    for (int i = 0; i < giants; i++) {
      parts.add(giant);
    }
    long length = parts.stream().mapToLong(b -> b.length).sum();
    assertThat(length).as("bytes on the wire").isGreaterThan(200L << 20);
    long[] transfer = new long[2]; // when the first request began, when the file's last byte went out
    // Several requests at once, and ranges, as a real server: the sample file's corrupt record makes
    // the reader look for the next record on a second connection, then go on from there.
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    var pool = java.util.concurrent.Executors.newCachedThreadPool();
    server.setExecutor(pool);
    server.createContext("/slow.warc.gz", exchange -> {
      String range = exchange.getRequestHeaders().getFirst("Range");
      long from = range == null ? 0 : Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
      synchronized (transfer) {
        if (transfer[0] == 0) {
          transfer[0] = System.nanoTime();
        }
      }
      if (range != null) {
        exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (length - 1) + "/" + length);
      }
      exchange.sendResponseHeaders(range == null ? 200 : 206, length - from);
      try (var body = exchange.getResponseBody()) {
        long start = 0;
        for (byte[] part : parts) {
          for (int i = 0; i < part.length; i += 64 << 10) {
            int n = Math.min(64 << 10, part.length - i);
            long skip = Math.max(0, Math.min(n, from - start - i));
            if (skip < n) {
              body.write(part, i + (int) skip, n - (int) skip);
              Thread.sleep(3); // 64 KB per 3 ms: about 20 MB/s
            }
          }
          start += part.length;
        }
        transfer[1] = System.nanoTime();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the reader closed this connection (it had read what it wanted from it)
      }
    });
    server.start();
    createTopic("slow");
    Path out = dir.resolve("slow");
    send("slow", "http://127.0.0.1:" + server.getAddress().getPort() + "/slow.warc.gz");
    int expected = recordsPerFile.get(file.getFileName().toString()) + images + giants;
    List<long[]> completed = java.util.Collections.synchronizedList(new ArrayList<>()); // (time, newest completed checkpoint)
    JobClient job = IncrementalJob.environment(request("slow", out), new Configuration()).executeAsync("slow");
    Thread watcher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        completed.add(new long[] {System.nanoTime(), newestCheckpoint(out.resolve("checkpoints"))});
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();
    try {
      awaitCommitted(out, expected);
      assertThat(transfer[1]).as("the whole file was served").isPositive();
      long during;
      synchronized (completed) {
        long first = completed.stream().filter(c -> c[0] >= transfer[0] + 1_000_000_000L).mapToLong(c -> c[1]).min().orElse(0);
        long last = completed.stream().filter(c -> c[0] <= transfer[1]).mapToLong(c -> c[1]).max().orElse(0);
        during = last - first;
      }
      assertThat(during).as("checkpoints completed while the %.1f s transfer went on", (transfer[1] - transfer[0]) / 1e9).isGreaterThanOrEqualTo(3);
      List<Rejection> rejected = rejections(out);
      assertThat(corpus(out).size() + rejected.size()).isEqualTo(expected);
      assertThat(rejected.stream().filter(r -> r.url().startsWith("http://padding.example/") && r.key().equals(WarcReason.NOT_HTML.key()))).hasSize(images);
      assertThat(rejected.stream().filter(r -> r.url().startsWith("http://padding.example/") && r.key().equals(WarcReason.TOO_LARGE.key()))).hasSize(giants);
      assertThat(corpus(out).stream().map(CorpusRow::docId).toList()).doesNotHaveDuplicates();
    } finally {
      watcher.interrupt();
      job.cancel().get();
      server.stop(0);
      pool.shutdownNow();
    }
  }

  /** One gzip member: a WARC response record whose HTTP body is {@code bytes} of seeded random bytes (they do not compress). */
  static byte[] paddingRecord(String contentType, int bytes) throws IOException {
    byte[] payload = new byte[bytes];
    new java.util.Random(bytes).nextBytes(payload);
    byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    String warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://padding.example/" + contentType.replace('/', '-') + "\r\n"
        + "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", bytes) + ">\r\n"
        + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + (http.length + bytes) + "\r\n\r\n";
    var buffer = new java.io.ByteArrayOutputStream(bytes + 4096);
    try (var gz = new java.util.zip.GZIPOutputStream(buffer)) {
      gz.write(warc.getBytes(StandardCharsets.US_ASCII));
      gz.write(http);
      gz.write(payload);
      gz.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return buffer.toByteArray();
  }

  /** The number of the newest completed checkpoint (a chk-N directory with its _metadata) under {@code checkpoints}, or 0. */
  static long newestCheckpoint(Path checkpoints) {
    if (!Files.isDirectory(checkpoints)) {
      return 0;
    }
    try (var files = Files.walk(checkpoints, 3)) {
      return files.filter(p -> p.getFileName().toString().equals("_metadata"))
          .map(p -> p.getParent().getFileName().toString())
          .filter(n -> n.startsWith("chk-"))
          .mapToLong(n -> Long.parseLong(n.substring(4)))
          .max().orElse(0);
    } catch (Exception e) {
      return 0; // a checkpoint directory removed while walking
    }
  }
}

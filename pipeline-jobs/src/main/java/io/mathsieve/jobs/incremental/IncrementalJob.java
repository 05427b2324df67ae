package io.mathsieve.jobs.incremental;

import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.config.Fingerprint;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.decontam.DecontamFunction;
import io.mathsieve.jobs.dedup.DedupCandidate;
import io.mathsieve.jobs.dedup.DedupKeys;
import io.mathsieve.jobs.export.TokenizeFunction;
import io.mathsieve.jobs.export.TokenizerSpec;
import io.mathsieve.jobs.extract.ExtractFunction;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcItem;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The incremental job: a streaming Flink job fed by a Kafka topic announcing new WARC files (or
 * carrying WARC records themselves). Each file is read and extracted, deduplicated against all history (URL, exact text, MinHash LSH bands
 * in keyed state), scored and collected with a given model, decontaminated, token-counted, and
 * appended to {@code OUT/corpus/dt=YYYY-MM-DD/} with exactly-once commits on checkpoints; every
 * drop goes to {@code OUT/rejections/dt=.../}; optionally each accepted document is announced on an
 * output topic ({@link AcceptedMessage}), exactly once. The operators are the batch stages' library code.
 */
public final class IncrementalJob {
  /** Max parallelism of the WARC reader, fixed so its reader keys land one per subtask. */
  static final int READ_MAX_PARALLELISM = 128;

  private IncrementalJob() {}

  /**
   * The Kafka side of the job.
   *
   * @param bootstrapServers the Kafka cluster
   * @param topic the topic of announced WARC files, or with {@code recordsOnTopic} of WARC records
   * @param groupId the consumer group, whose committed offsets a new run resumes from
   * @param recordsOnTopic whether the topic's messages are WARC records rather than announcements
   * @param controlTopic a topic of control messages that switch the model or index, or null
   * @param outputTopic where each accepted document is announced, or null
   */
  public record Topics(String bootstrapServers, String topic, String groupId, boolean recordsOnTopic, String controlTopic, String outputTopic) {
    /** A source of {@code name} in this cluster for {@code group}, from its committed offsets (the earliest for a new group). */
    <T> KafkaSourceBuilder<T> source(String name, String group) {
      return KafkaSource.<T>builder().setBootstrapServers(bootstrapServers).setTopics(name).setGroupId(group)
          .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
    }
  }

  /**
   * What to run.
   *
   * @param model the fastText model's location
   * @param index the benchmark index
   * @param output where corpus/, rejections/ and decontam_matches/ grow
   * @param checkpointDir checkpoint storage (a URI), or null for Flink's default
   * @param bootstrapFrom a build whose corpus counts as history, or null
   */
  public record Request(Topics topics, String model, Path index, Path output, String checkpointDir, Path bootstrapFrom, MathsieveConfig config,
      IncrementalConfig incremental, TokenizerSpec tokenizer, Jobs jobs) {
    /** This request with other incremental settings. */
    public Request with(IncrementalConfig other) {
      return new Request(topics, model, index, output, checkpointDir, bootstrapFrom, config, other, tokenizer, jobs);
    }

    /** This request with other topics. */
    public Request with(Topics other) {
      return new Request(other, model, index, output, checkpointDir, bootstrapFrom, config, incremental, tokenizer, jobs);
    }
  }

  /** The environment with the job's topology, ready to execute. */
  public static StreamExecutionEnvironment environment(Request r, Configuration extra) {
    Configuration conf = new Configuration(extra);
    conf.set(StateBackendOptions.STATE_BACKEND, r.incremental().stateBackend());
    if (r.incremental().stateBackend().equals("rocksdb")) {
      conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    }
    if (r.checkpointDir() != null) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, r.checkpointDir());
    }
    org.apache.flink.configuration.Configuration remote = r.jobs().target().remoteConfiguration();
    if (remote != null) {
      remote.addAll(conf);
    }
    StreamExecutionEnvironment env = remote != null ? new StreamExecutionEnvironment(remote) : StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.setParallelism(r.jobs().parallelism());
    env.enableCheckpointing(r.incremental().checkpointInterval().toMillis());
    topology(env, r);
    return env;
  }

  /**
   * The history keys of a bootstrapped corpus, or an empty stream (derived from the pages, not an
   * empty collection source, which Flink's DataGeneratorSource cannot run).
   */
  private static DataStream<FirstSeenFunction.Seen> seen(DataStream<TextDocument> pages, DataStream<CorpusRow> bootstrap, HistoryKeys keys, String name) {
    TypeInformation<FirstSeenFunction.Seen> type = TypeInformation.of(FirstSeenFunction.Seen.class);
    if (bootstrap == null) {
      return pages.flatMap((TextDocument x, org.apache.flink.util.Collector<FirstSeenFunction.Seen> out) -> { }, type)
          .name("no-history-" + name).uid("no-history-" + name);
    }
    return bootstrap.map(keys, type).name("bootstrap-" + name).uid("bootstrap-" + name);
  }

  static void topology(StreamExecutionEnvironment env, Request r) {
    MathsieveConfig c = r.config();
    String fingerprint = Fingerprint.of(Map.of("config", Fingerprint.of(c.values()), "incremental", r.incremental().fingerprint()));
    DataStream<WarcItem> items;
    Topics t = r.topics();
    if (t.recordsOnTopic()) {
      KafkaSource<WarcMessage> records = t.<WarcMessage>source(t.topic(), t.groupId())
          .setDeserializer(new WarcMessage.Schema())
          .build();
      items = env.fromSource(records, WatermarkStrategy.noWatermarks(), "warc-records").uid("warc-records")
          .flatMap(new ReadWarcMessage(c.warc()), TypeInformation.of(WarcItem.class)).name("read-records").uid("read-records");
    } else {
      KafkaSource<String> announcements = t.<String>source(t.topic(), t.groupId())
          .setValueOnlyDeserializer(new SimpleStringSchema())
          .build();
      int[] keys = ReadAnnouncedWarc.readerKeys(Math.max(1, env.getParallelism()), READ_MAX_PARALLELISM);
      items = env.fromSource(announcements, WatermarkStrategy.noWatermarks(), "announcements").uid("announcements")
          .keyBy(m -> keys[Math.floorMod(m == null ? 0 : m.hashCode(), keys.length)], Types.INT) // one reader key per subtask
          .process(new ReadAnnouncedWarc(c.warc()), TypeInformation.of(WarcItem.class)).setMaxParallelism(READ_MAX_PARALLELISM)
          .name("read-warc").uid("read-warc");
    }

    // Extract, then URL and exact dedup against history (the full text travels: the corpus needs it).
    SingleOutputStreamOperator<TextDocument> docs = items.process(new ExtractFunction(c.extract()), TypeInformation.of(TextDocument.class))
        .name("extract").uid("extract");
    DataStream<Rejection> rejections = docs.getSideOutput(ExtractFunction.REJECTIONS);
    DataStream<DedupCandidate> candidates = docs.map(new DedupKeys(c.dedup(), Integer.MAX_VALUE), TypeInformation.of(DedupCandidate.class))
        .name("dedup-keys").uid("dedup-keys");
    // A bootstrapped corpus is history for URL, text and near-dedup alike.
    DataStream<CorpusRow> bootstrap = r.bootstrapFrom() == null ? null
        : env.fromSource(StoreSource.of(() -> Stores.CORPUS, CorpusRow.class, r.bootstrapFrom().resolve("corpus").toString(), null),
            WatermarkStrategy.noWatermarks(), "bootstrap-corpus").uid("bootstrap-corpus");
    if (c.dedup().url()) {
      SingleOutputStreamOperator<DedupCandidate> byUrl = candidates.keyBy(DedupCandidate::canonicalUrl, Types.STRING)
          .connect(seen(docs, bootstrap, new HistoryKeys(c.dedup(), DedupReason.URL), "url").keyBy(FirstSeenFunction.Seen::key, Types.STRING))
          .process(new FirstSeenFunction(DedupReason.URL, r.incremental().stateTtl()), TypeInformation.of(DedupCandidate.class))
          .name("history-url").uid("history-url");
      rejections = rejections.union(byUrl.getSideOutput(FirstSeenFunction.REJECTIONS));
      candidates = byUrl;
    }
    if (c.dedup().exact()) {
      SingleOutputStreamOperator<DedupCandidate> byText = candidates.keyBy(DedupCandidate::contentHash, Types.STRING)
          .connect(seen(docs, bootstrap, new HistoryKeys(c.dedup(), DedupReason.EXACT), "text").keyBy(FirstSeenFunction.Seen::key, Types.STRING))
          .process(new FirstSeenFunction(DedupReason.EXACT, r.incremental().stateTtl()), TypeInformation.of(DedupCandidate.class))
          .name("history-text").uid("history-text");
      rejections = rejections.union(byText.getSideOutput(FirstSeenFunction.REJECTIONS));
      candidates = byText;
    }

    // Control messages (a new model or index) reach every subtask through broadcast state.
    DataStream<Control> control;
    if (t.controlTopic() != null) {
      KafkaSource<String> controlSource = t.<String>source(t.controlTopic(), t.groupId() + "-control")
          .setValueOnlyDeserializer(new SimpleStringSchema())
          .build();
      control = env.fromSource(controlSource, WatermarkStrategy.noWatermarks(), "control").uid("control").setParallelism(1)
          .flatMap((String m, org.apache.flink.util.Collector<Control> out) -> {
            Control parsed = Control.parse(m);
            if (parsed != null) {
              out.collect(parsed);
            }
          }, TypeInformation.of(Control.class)).name("control-messages").uid("control-messages").setParallelism(1);
    } else {
      control = env.fromData(java.util.List.<Control>of(), TypeInformation.of(Control.class)).name("no-control").uid("no-control");
    }
    org.apache.flink.streaming.api.datastream.BroadcastStream<Control> controls = control.broadcast(Control.STATE);

    // Score and collect.
    SingleOutputStreamOperator<CorpusRow> collected = candidates.map(DedupCandidate::doc, TypeInformation.of(TextDocument.class))
        .name("pages").uid("pages")
        .connect(controls)
        .process(new CollectFunction(r.model(), c.classifier().maxChars(), r.incremental().threshold()), TypeInformation.of(CorpusRow.class))
        .name("collect").uid("collect");
    rejections = rejections.union(collected.getSideOutput(CollectFunction.REJECTIONS));

    // Near-dedup against the bands of everything before (and of a bootstrapped corpus).
    SingleOutputStreamOperator<NearDupHistory.Pending> pending = collected.process(new NearDupHistory.Sketch(c.dedup()),
        TypeInformation.of(NearDupHistory.Pending.class)).name("sketch").uid("sketch");
    DataStream<NearDupHistory.BandEntry> bands = pending.getSideOutput(NearDupHistory.BANDS);
    if (bootstrap != null) {
      bands = bands.union(bootstrap
          .process(new NearDupHistory.Sketch(c.dedup()), TypeInformation.of(NearDupHistory.Pending.class)).name("bootstrap-sketch")
          .uid("bootstrap-sketch").getSideOutput(NearDupHistory.BANDS)
          .map(b -> new NearDupHistory.BandEntry(b.band(), b.docId(), b.sketch(), true), TypeInformation.of(NearDupHistory.BandEntry.class))
          .name("bootstrap-bands").uid("bootstrap-bands"));
    }
    DataStream<NearDupHistory.BandVerdict> verdicts = bands.keyBy(NearDupHistory.BandEntry::band, Types.LONG)
        .process(new NearDupHistory.Bands(c.dedup().minSimilarity(), r.incremental().stateTtl()), TypeInformation.of(NearDupHistory.BandVerdict.class))
        .name("history-bands").uid("history-bands");
    SingleOutputStreamOperator<CorpusRow> unique = pending.keyBy(p -> p.row().docId(), Types.STRING)
        .connect(verdicts.keyBy(NearDupHistory.BandVerdict::docId, Types.STRING))
        .process(new NearDupHistory.Decide(), TypeInformation.of(CorpusRow.class)).name("near-dedup").uid("near-dedup");
    rejections = rejections.union(unique.getSideOutput(NearDupHistory.REJECTIONS));

    // Decontaminate, count tokens, write.
    SingleOutputStreamOperator<CorpusRow> clean = unique.connect(controls)
        .process(new SwitchableDecontam(r.index().toAbsolutePath().toString(), c.decontam()), TypeInformation.of(CorpusRow.class))
        .name("decontam").uid("decontam");
    rejections = rejections.union(clean.getSideOutput(DecontamFunction.REJECTIONS));
    DataStream<CorpusRow> rows = clean.map(new TokenizeFunction(r.tokenizer(), fingerprint), TypeInformation.of(CorpusRow.class))
        .name("tokenize").uid("tokenize");
    Map<String, String> meta = Map.of("mathsieve.config_fingerprint", fingerprint);
    StoreSinks.writeDaily(rows, () -> Stores.CORPUS, r.output().resolve("corpus").toAbsolutePath().toString(), meta);
    if (t.outputTopic() != null) {
      // One message per accepted document, in Kafka transactions committed with the checkpoint that
      // commits its Parquet file; the prefix is stable across restarts so that open transactions of
      // a failed attempt are aborted, not left to block read_committed consumers.
      rows.sinkTo(KafkaSink.<CorpusRow>builder()
              .setBootstrapServers(t.bootstrapServers())
              .setRecordSerializer(new AcceptedMessage(t.outputTopic()))
              .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
              .setTransactionalIdPrefix("mathsieve-" + t.groupId())
              .setProperty("transaction.timeout.ms", String.valueOf(r.incremental().outputTransactionTimeout().toMillis()))
              .build())
          .name("output-topic").uid("output-topic");
    }
    StoreSinks.writeDaily(rejections, () -> Stores.REJECTIONS, r.output().resolve("rejections").toAbsolutePath().toString(), meta);
    StoreSinks.writeDaily(clean.getSideOutput(DecontamFunction.MATCHES), () -> Stores.DECONTAM_MATCHES,
        r.output().resolve("decontam_matches").toAbsolutePath().toString(), meta);
  }
}

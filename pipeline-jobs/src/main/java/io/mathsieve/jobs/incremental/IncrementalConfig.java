package io.mathsieve.jobs.incremental;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The incremental (Kafka-fed, streaming) job's own settings; extraction, dedup, classifier and
 * decontamination settings are the batch stages'.
 *
 * @param threshold pages scoring at least this are collected
 * @param checkpointInterval how often state and output files are committed
 * @param stateTtl how long history (URLs, texts, LSH bands) is remembered; zero: forever
 * @param stateBackend where keyed state lives: {@code rocksdb} (on disk, for history larger than memory) or {@code hashmap}
 * @param outputTransactionTimeout the Kafka transaction timeout of the output topic's producer
 * @param values the effective settings
 */
public record IncrementalConfig(double threshold, Duration checkpointInterval, Duration stateTtl, String stateBackend,
    Duration outputTransactionTimeout, Map<String, String> values)
    implements OptionSet, Serializable {
  public static final ConfigOption<Double> THRESHOLD =
      ConfigOption.doubleOption("incremental.threshold", 0.5,
              "Pages the model scores at least this high are collected (use iterations.json's final_threshold to match a build).")
          .between(0, 1);
  public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
      ConfigOption.durationOption("incremental.checkpoint-interval", Duration.ofSeconds(60),
          "Checkpoint interval: corpus and rejection files are committed, and Kafka offsets advanced, on each checkpoint.");
  public static final ConfigOption<Duration> STATE_TTL =
      ConfigOption.durationOption("incremental.state-ttl", Duration.ZERO,
          "How long the dedup history (canonical URLs, text hashes, LSH bands of kept documents) is kept; 0 keeps it forever.");

  public static final ConfigOption<String> STATE_BACKEND =
      ConfigOption.stringOption("incremental.state-backend", "rocksdb",
              "Where the dedup history lives: rocksdb (on local disk, incremental checkpoints: history can outgrow memory) or hashmap "
                  + "(on the heap).")
          .checked(v -> v.equals("rocksdb") || v.equals("hashmap"), "rocksdb or hashmap");

  public static final ConfigOption<Duration> OUTPUT_TRANSACTION_TIMEOUT =
      ConfigOption.durationOption("incremental.output-transaction-timeout", Duration.ofMinutes(10),
              "Kafka transaction timeout for the --output-topic producer: longer than the checkpoint interval plus a restart, and at most "
                  + "the brokers' transaction.max.timeout.ms (15 minutes by default).")
          .checked(d -> d.toMillis() > 0, "positive");

  public static final List<ConfigOption<?>> OPTIONS = List.of(THRESHOLD, CHECKPOINT_INTERVAL, STATE_TTL, STATE_BACKEND, OUTPUT_TRANSACTION_TIMEOUT);

  public static IncrementalConfig from(Settings s) {
    return new IncrementalConfig(s.get(THRESHOLD), s.get(CHECKPOINT_INTERVAL), s.get(STATE_TTL), s.get(STATE_BACKEND), s.get(OUTPUT_TRANSACTION_TIMEOUT),
        OptionSet.values(s, OPTIONS));
  }
}

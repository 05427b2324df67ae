package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.export.TokenizerSpec;
import io.mathsieve.jobs.incremental.IncrementalJob;
import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve incremental}: the streaming job fed by a Kafka topic of new WARC files. */
@Command(name = "incremental", mixinStandardHelpOptions = true,
    description = {
      "Streams new WARC files announced on a Kafka topic into a corpus: extract, dedup against all history (URL, text, MinHash LSH),",
      "score with a model, decontaminate, count tokens, and append to OUT/corpus/dt=YYYY-MM-DD/ with exactly-once commits on",
      "checkpoints (rejections to OUT/rejections/). Messages are a WARC path or URL, or JSON {\"warc\": \"...\", \"crawl\": \"...\"}.",
      "Runs until cancelled; resumes from --from-savepoint or, with the same --group-id, from the committed Kafka offsets."
    })
public final class IncrementalCommand implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String bootstrapServers;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic announcing WARC files.")
  String topic;

  @Option(names = "--group-id", paramLabel = "G", description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
  String groupId = "mathsieve-incremental";

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The fastText math classifier (e.g. a build's final model).")
  Path model;

  @Option(names = "--index", required = true, paramLabel = "FILE", description = "A benchmark index (decontam-index, or a build's stages/benchmarks.idx).")
  Path index;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where corpus/, rejections/ and decontam_matches/ grow.")
  Path output;

  @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "Checkpoint storage (default: OUTPUT/checkpoints).")
  String checkpointDir;

  @Option(names = "--bootstrap-from", paramLabel = "DIR", description = "A build whose corpus seeds the history: its canonical URLs, text hashes and LSH bands count as seen.")
  Path bootstrapFrom;

  @Option(names = "--messages", paramLabel = "files|records",
      description = "What the topic's messages are: 'files' (default: a WARC path or URL, or JSON {\"warc\": ...}) or 'records' (the bytes "
          + "of one or more WARC records, gzip-compressed or plain).")
  String messages = "files";

  @Option(names = "--control-topic", paramLabel = "TOPIC",
      description = "A topic of control messages {\"model\": PATH, \"index\": PATH} that switch the running job to a new model or index.")
  String controlTopic;

  @Option(names = "--output-topic", paramLabel = "TOPIC",
      description = "Publish each accepted document's id and metadata (JSON, keyed by doc_id) here, exactly once: Kafka transactions "
          + "committed on checkpoints, so consumers read with isolation.level=read_committed.")
  String outputTopic;

  @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Restore from this savepoint or retained checkpoint.")
  String savepoint;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    MathsieveConfig config = common.config();
    if (!Files.isRegularFile(model)) {
      throw new UserError("--model " + model + " does not exist");
    }
    if (!Files.isRegularFile(index)) {
      throw new UserError("--index " + index + " does not exist; build one with decontam-index");
    }
    if (bootstrapFrom != null && !Files.isDirectory(bootstrapFrom.resolve("corpus"))) {
      throw new UserError("--bootstrap-from " + bootstrapFrom + " holds no corpus/ (expected a build directory)");
    }
    if (!messages.equals("files") && !messages.equals("records")) {
      throw new UserError("--messages must be 'files' or 'records', got '" + messages + "'");
    }
    Files.createDirectories(output);
    String checkpoints = checkpointDir != null ? checkpointDir : output.resolve("checkpoints").toAbsolutePath().toUri().toString();
    TokenizerSpec tokenizer = TokenizerSpec.resolve(config.export().tokenizer(), config.export().hfEndpoint(), TokenizerSpec.cacheDir());
    Configuration extra = new Configuration();
    if (savepoint != null) {
      extra.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    IncrementalJob.Request r = new IncrementalJob.Request(
        new IncrementalJob.Topics(bootstrapServers, topic, groupId, messages.equals("records"), controlTopic, outputTopic),
        model.toAbsolutePath().toString(), index, output, checkpoints, bootstrapFrom, config, config.incremental(), tokenizer, common.jobs());
    if (!common.quiet) {
      System.err.println("mathsieve incremental: reading " + topic + " at " + bootstrapServers + " into " + output + " (checkpoints " + checkpoints
          + "); stop with Ctrl-C, resume with the same --group-id");
    }
    IncrementalJob.environment(r, extra).execute("mathsieve incremental");
    return 0;
  }
}

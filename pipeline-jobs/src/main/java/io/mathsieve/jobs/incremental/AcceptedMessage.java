package io.mathsieve.jobs.incremental;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.schemas.CorpusRow;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The message published on {@code --output-topic} for each document added to the corpus: keyed by
 * {@code doc_id}, a JSON object with the row's metadata (everything but the text), so downstream
 * systems can react without reading Parquet:
 *
 * <pre>{"doc_id": "…", "url": "…", "domain": "…", "lang": "en", "math_score": 0.97, "iteration": 0,
 *  "token_count": 812, "tokenizer": "deepseek-v3", "fetch_time": "2024-…Z", "warc_file": "…",
 *  "warc_offset": 123, "warc_record_id": "&lt;urn:uuid:…&gt;", "model_version": "…",
 *  "extractor_version": "…", "config_fingerprint": "…"}</pre>
 */
final class AcceptedMessage implements KafkaRecordSerializationSchema<CorpusRow> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;

  AcceptedMessage(String topic) {
    this.topic = topic;
  }

  static String json(CorpusRow r) {
    ObjectNode m = JSON.createObjectNode();
    m.put("doc_id", r.docId());
    m.put("url", r.url());
    m.put("domain", r.domain());
    m.put("lang", r.lang());
    m.put("math_score", r.mathScore());
    m.put("iteration", r.iteration());
    m.put("token_count", r.tokenCount());
    m.put("tokenizer", r.tokenizer());
    m.put("fetch_time", r.fetchTime() == null ? null : r.fetchTime().toString());
    m.put("warc_file", r.warcFile());
    m.put("warc_offset", r.warcOffset());
    m.put("warc_record_id", r.warcRecordId());
    m.put("model_version", r.modelVersion());
    m.put("extractor_version", r.extractorVersion());
    m.put("config_fingerprint", r.configFingerprint());
    return m.toString();
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(CorpusRow row, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, row.docId().getBytes(StandardCharsets.UTF_8), json(row).getBytes(StandardCharsets.UTF_8));
  }
}

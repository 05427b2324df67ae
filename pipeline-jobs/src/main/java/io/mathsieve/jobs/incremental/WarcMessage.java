package io.mathsieve.jobs.incremental;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka message that carries WARC records themselves ({@code --messages records}): the value is
 * one or more complete WARC records, each gzip-compressed as in Common Crawl's files or plain;
 * {@code name} ({@code kafka:TOPIC/PARTITION/OFFSET}) stands for the WARC file in rows.
 *
 * @param name where the records came from
 * @param bytes the records
 */
public record WarcMessage(String name, byte[] bytes) implements Serializable {

  /** Reads message values as {@link WarcMessage}s, named by topic, partition and offset. */
  public static final class Schema implements KafkaRecordDeserializationSchema<WarcMessage> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<WarcMessage> out) throws IOException {
      if (record.value() != null) {
        out.collect(new WarcMessage("kafka:" + record.topic() + "/" + record.partition() + "/" + record.offset(), record.value()));
      }
    }

    @Override
    public TypeInformation<WarcMessage> getProducedType() {
      return TypeInformation.of(WarcMessage.class);
    }
  }
}

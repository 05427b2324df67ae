package io.mathsieve.jobs.store;

import io.mathsieve.schemas.store.Column;
import io.mathsieve.schemas.store.StoreSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes records of one store column by column through Parquet's record consumer, using the
 * store's typed getters (no boxing, no intermediate row objects). File metadata records the store,
 * its schema version and whatever the job adds (config fingerprint, versions).
 */
final class StoreWriteSupport<T> extends WriteSupport<T> {
  static final String META_STORE = "mathsieve.store";
  static final String META_VERSION = "mathsieve.schema_version";

  private final StoreSchema<T> schema;
  private final Map<String, String> metadata;
  private final List<Column<T>> columns;
  private RecordConsumer out;

  StoreWriteSupport(StoreSchema<T> schema, Map<String, String> metadata) {
    this.schema = schema;
    this.metadata = metadata;
    this.columns = schema.columns();
  }

  @Override
  public WriteContext init(Configuration configuration) {
    Map<String, String> meta = new HashMap<>(metadata);
    meta.put(META_STORE, schema.name());
    meta.put(META_VERSION, String.valueOf(schema.version()));
    return new WriteContext(ParquetSchemas.of(schema), meta);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(T record) {
    out.startMessage();
    for (int i = 0; i < columns.size(); i++) {
      Column<T> c = columns.get(i);
      switch (c.type()) {
        case STRING -> {
          String v = c.string(record);
          if (v == null) {
            if (!c.nullable()) {
              throw new IllegalArgumentException("column " + schema.name() + "." + c.name() + " is null in " + record);
            }
            continue;
          }
          out.startField(c.name(), i);
          out.addBinary(Binary.fromString(v));
          out.endField(c.name(), i);
        }
        case INT32 -> {
          out.startField(c.name(), i);
          out.addInteger(c.int32(record));
          out.endField(c.name(), i);
        }
        case INT64, TIMESTAMP_MILLIS -> {
          out.startField(c.name(), i);
          out.addLong(c.int64(record));
          out.endField(c.name(), i);
        }
        case FLOAT64 -> {
          out.startField(c.name(), i);
          out.addDouble(c.float64(record));
          out.endField(c.name(), i);
        }
        case BOOLEAN -> {
          out.startField(c.name(), i);
          out.addBoolean(c.bool(record));
          out.endField(c.name(), i);
        }
      }
    }
    out.endMessage();
  }
}

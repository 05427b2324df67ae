package io.mathsieve.jobs.store;

import io.mathsieve.schemas.store.Column;
import io.mathsieve.schemas.store.StoreSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet message type of a store: plain primitive columns with standard logical types (UTF-8
 * strings, UTC millisecond timestamps), readable by any Parquet reader without Avro.
 */
public final class ParquetSchemas {
  private ParquetSchemas() {}

  public static MessageType of(StoreSchema<?> schema) {
    List<Type> fields = new ArrayList<>();
    for (Column<?> c : schema.columns()) {
      Type.Repetition rep = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      fields.add(
          switch (c.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(c.name());
            case INT32 -> Types.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
            case FLOAT64 -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
            case TIMESTAMP_MILLIS -> Types.primitive(PrimitiveTypeName.INT64, rep)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(c.name());
          });
    }
    return new MessageType("mathsieve_" + schema.name(), fields);
  }
}

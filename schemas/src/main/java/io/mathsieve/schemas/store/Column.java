package io.mathsieve.schemas.store;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One column of a store: name, type, documentation, and how to read its value from a record without
 * boxing. Built through {@link StoreSchema.Builder}.
 */
public final class Column<R> {
  private final String name;
  private final ColumnType type;
  private final boolean nullable;
  private final String doc;
  private final Function<R, String> string;
  private final ToLongFunction<R> int64;
  private final ToIntFunction<R> int32;
  private final ToDoubleFunction<R> float64;
  private final Predicate<R> bool;

  Column(
      String name,
      ColumnType type,
      boolean nullable,
      String doc,
      Function<R, String> string,
      ToLongFunction<R> int64,
      ToIntFunction<R> int32,
      ToDoubleFunction<R> float64,
      Predicate<R> bool) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.nullable = nullable;
    this.doc = Objects.requireNonNull(doc);
    this.string = string;
    this.int64 = int64;
    this.int32 = int32;
    this.float64 = float64;
    this.bool = bool;
  }

  public String name() {
    return name;
  }

  public ColumnType type() {
    return type;
  }

  /** Only string columns may be null; numbers, booleans and timestamps always have a value. */
  public boolean nullable() {
    return nullable;
  }

  public String doc() {
    return doc;
  }

  public String string(R record) {
    return string.apply(record);
  }

  /** The value of an INT64 or TIMESTAMP_MILLIS column. */
  public long int64(R record) {
    return int64.applyAsLong(record);
  }

  public int int32(R record) {
    return int32.applyAsInt(record);
  }

  public double float64(R record) {
    return float64.applyAsDouble(record);
  }

  public boolean bool(R record) {
    return bool.test(record);
  }

  /** The value as an object, for tests and debugging; writers use the typed accessors. */
  public Object value(R record) {
    return switch (type) {
      case STRING -> string(record);
      case INT32 -> int32(record);
      case INT64, TIMESTAMP_MILLIS -> int64(record);
      case FLOAT64 -> float64(record);
      case BOOLEAN -> bool(record);
    };
  }

  @Override
  public String toString() {
    return name + " " + type + (nullable ? " (nullable)" : "");
  }
}

package io.mathsieve.schemas.store;

/**
 * Read access to one row of a store by column name, implemented by the store readers. Decoders in
 * {@link StoreSchema} turn a row back into a record.
 */
public interface StoreRow {
  /** The string value, or {@code null}. */
  String string(String column);

  long int64(String column);

  int int32(String column);

  double float64(String column);

  boolean bool(String column);

  /** Epoch milliseconds of a TIMESTAMP_MILLIS column. */
  default long timestampMillis(String column) {
    return int64(column);
  }

  /** Whether the row's file has this column (older versions of a store may lack newer columns). */
  boolean has(String column);
}

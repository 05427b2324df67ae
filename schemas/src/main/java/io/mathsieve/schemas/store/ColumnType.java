package io.mathsieve.schemas.store;

/**
 * The physical types a store column can have. Each maps to one plain Parquet type with a standard
 * logical annotation, so any Parquet reader (DuckDB, pandas, Spark) reads it without Avro.
 */
public enum ColumnType {
  /** UTF-8 string: Parquet {@code BINARY (STRING)}. */
  STRING("VARCHAR"),
  /** Parquet {@code INT32}. */
  INT32("INTEGER"),
  /** Parquet {@code INT64}. */
  INT64("BIGINT"),
  /** Parquet {@code DOUBLE}. */
  FLOAT64("DOUBLE"),
  /** Parquet {@code BOOLEAN}. */
  BOOLEAN("BOOLEAN"),
  /** Milliseconds since the epoch, UTC: Parquet {@code INT64 (TIMESTAMP(MILLIS, true))}. */
  TIMESTAMP_MILLIS("TIMESTAMP WITH TIME ZONE");

  private final String sqlType;

  ColumnType(String sqlType) {
    this.sqlType = sqlType;
  }

  /** The type DuckDB reports for a column of this type. */
  public String sqlType() {
    return sqlType;
  }
}

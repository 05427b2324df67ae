package io.mathsieve.schemas.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The column layout of one store (pages, rejections, scores, corpus): the single definition used by
 * the Parquet writer, the readers and the generated schema documentation.
 *
 * <pre>{@code
 * StoreSchema<Rejection> s = StoreSchema.<Rejection>builder("rejections", 1, "Dropped documents.")
 *     .string("doc_id", "Document id.", Rejection::docId)
 *     .build(row -> ...);
 * }</pre>
 *
 * <p>Column names are unique, snake_case; the builder checks both.
 */
public final class StoreSchema<R> {
  private final String name;
  private final int version;
  private final String doc;
  private final List<Column<R>> columns;
  private final Function<StoreRow, R> decoder;

  private StoreSchema(
      String name, int version, String doc, List<Column<R>> columns, Function<StoreRow, R> decoder) {
    this.name = name;
    this.version = version;
    this.doc = doc;
    this.columns = List.copyOf(columns);
    this.decoder = decoder;
  }

  public static <R> Builder<R> builder(String name, int version, String doc) {
    return new Builder<>(name, version, doc);
  }

  /** The store's name, also its directory name under a run directory. */
  public String name() {
    return name;
  }

  /** Bumped whenever a column is added, removed or changes meaning; written into file metadata. */
  public int version() {
    return version;
  }

  public String doc() {
    return doc;
  }

  public List<Column<R>> columns() {
    return columns;
  }

  public Optional<Column<R>> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** Turns a row read from this store back into a record. */
  public R decode(StoreRow row) {
    return decoder.apply(row);
  }

  @Override
  public String toString() {
    return name + " v" + version + " " + columns;
  }

  /** Builds a schema column by column, in order. */
  public static final class Builder<R> {
    private static final java.util.regex.Pattern SNAKE = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
    private final String name;
    private final int version;
    private final String doc;
    private final List<Column<R>> columns = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder(String name, int version, String doc) {
      this.name = Objects.requireNonNull(name);
      this.version = version;
      this.doc = Objects.requireNonNull(doc);
      if (version < 1) {
        throw new IllegalArgumentException("schema version must be >= 1, got " + version);
      }
    }

    public Builder<R> string(String column, String doc, Function<R, String> getter) {
      return add(new Column<>(column, ColumnType.STRING, false, doc, getter, null, null, null, null));
    }

    public Builder<R> nullableString(String column, String doc, Function<R, String> getter) {
      return add(new Column<>(column, ColumnType.STRING, true, doc, getter, null, null, null, null));
    }

    public Builder<R> int64(String column, String doc, ToLongFunction<R> getter) {
      return add(new Column<>(column, ColumnType.INT64, false, doc, null, getter, null, null, null));
    }

    public Builder<R> int32(String column, String doc, ToIntFunction<R> getter) {
      return add(new Column<>(column, ColumnType.INT32, false, doc, null, null, getter, null, null));
    }

    public Builder<R> float64(String column, String doc, ToDoubleFunction<R> getter) {
      return add(new Column<>(column, ColumnType.FLOAT64, false, doc, null, null, null, getter, null));
    }

    public Builder<R> bool(String column, String doc, Predicate<R> getter) {
      return add(new Column<>(column, ColumnType.BOOLEAN, false, doc, null, null, null, null, getter));
    }

    /** A UTC timestamp; {@code getter} returns epoch milliseconds. */
    public Builder<R> timestampMillis(String column, String doc, ToLongFunction<R> getter) {
      return add(
          new Column<>(column, ColumnType.TIMESTAMP_MILLIS, false, doc, null, getter, null, null, null));
    }

    private Builder<R> add(Column<R> column) {
      if (!SNAKE.matcher(column.name()).matches()) {
        throw new IllegalArgumentException(
            "column name must be snake_case ([a-z][a-z0-9_]*), got '" + column.name() + "' in store " + name);
      }
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("duplicate column '" + column.name() + "' in store " + name);
      }
      columns.add(column);
      return this;
    }

    /** The schema; {@code decoder} maps a row read back from the store to a record. */
    public StoreSchema<R> build(Function<StoreRow, R> decoder) {
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("store " + name + " has no columns");
      }
      return new StoreSchema<>(name, version, doc, columns, Objects.requireNonNull(decoder));
    }
  }
}

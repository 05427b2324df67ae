package io.mathsieve.jobs.store;

import io.mathsieve.schemas.store.StoreRow;
import io.mathsieve.schemas.store.StoreSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a store back: every {@code *.parquet} file of a store directory, rows decoded by the store's
 * schema. Only the requested columns are read from disk. Hidden and in-progress files ({@code .}
 * or {@code _} prefixed) are ignored.
 *
 * <pre>{@code
 * StoreReader.forEach(Stores.REJECTIONS, new Path(dir, "rejections"), r -> count(r.key()));
 * }</pre>
 */
public final class StoreReader {
  private StoreReader() {}

  /** The Parquet files of a store directory, sorted by name; empty when the directory is absent. */
  public static List<Path> files(Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem();
    if (!fs.exists(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      String n = s.getPath().getName();
      if (s.isDir()) {
        out.addAll(files(s.getPath()));
      } else if (n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_")) {
        out.add(s.getPath());
      }
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  /** Rows in a store, from the Parquet footers (no data is read). */
  public static long rowCount(Path dir) throws IOException {
    long n = 0;
    for (Path f : files(dir)) {
      if (f.getFileSystem().getFileStatus(f).getLen() == 0) {
        continue; // a part file opened but never written: no footer, no rows
      }
      try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(new FlinkInputFile(f))) {
        n += r.getRecordCount();
      }
    }
    return n;
  }

  /** Calls {@code sink} with one column's values over every row of a store. */
  public static void forEachValue(Path dir, String column, Consumer<String> sink) throws IOException {
    for (Path f : files(dir)) {
      readFile(null, new FlinkInputFile(f), List.of(column), row -> sink.accept(row.string(column)));
    }
  }

  /** Calls {@code sink} with every record of the store, all columns. */
  public static <T> void forEach(StoreSchema<T> schema, Path dir, Consumer<T> sink) throws IOException {
    for (Path file : files(dir)) {
      readFile(schema, new FlinkInputFile(file), null, row -> sink.accept(schema.decode(row)));
    }
  }

  /** All records of a store in memory: for tests and small stores only. */
  public static <T> List<T> readAll(StoreSchema<T> schema, Path dir) throws IOException {
    List<T> out = new ArrayList<>();
    forEach(schema, dir, out::add);
    return out;
  }

  /** Calls {@code sink} with every row of one file, reading only {@code columns} (all when null). */
  public static void readFile(StoreSchema<?> schema, InputFile file, Collection<String> columns, Consumer<StoreRow> sink)
      throws IOException {
    try (ParquetReader<StoreRow> reader = open(file, columns)) {
      for (StoreRow row; (row = reader.read()) != null; ) {
        sink.accept(row);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A pull reader over one file's rows, reading only {@code columns} (all when null); rows are reused between reads. */
  public static ParquetReader<StoreRow> open(InputFile file, Collection<String> columns) throws IOException {
    return new Builder(file, columns).build();
  }

  private static final class Builder extends ParquetReader.Builder<StoreRow> {
    private final Collection<String> columns;

    Builder(InputFile file, Collection<String> columns) {
      super(file);
      this.columns = columns;
    }

    @Override
    protected ReadSupport<StoreRow> getReadSupport() {
      return new RowReadSupport(columns);
    }
  }

  private static final class RowReadSupport extends ReadSupport<StoreRow> {
    private final Collection<String> columns;

    RowReadSupport(Collection<String> columns) {
      this.columns = columns;
    }

    @Override
    public ReadContext init(InitContext context) {
      MessageType file = context.getFileSchema();
      if (columns == null) {
        return new ReadContext(file);
      }
      List<Type> fields = new ArrayList<>();
      for (Type t : file.getFields()) {
        if (columns.contains(t.getName())) {
          fields.add(t);
        }
      }
      return new ReadContext(new MessageType(file.getName(), fields));
    }

    @Override
    public RecordMaterializer<StoreRow> prepareForRead(
        Configuration conf, Map<String, String> keyValueMetaData, MessageType fileSchema, ReadContext readContext) {
      return new RowMaterializer(readContext.getRequestedSchema());
    }
  }

  /** Materialises each record into one reused array-backed row. */
  private static final class RowMaterializer extends RecordMaterializer<StoreRow> {
    private final ArrayRow row;
    private final GroupConverter root;

    RowMaterializer(MessageType schema) {
      List<Type> fields = schema.getFields();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        index.put(fields.get(i).getName(), i);
      }
      row = new ArrayRow(index, new Object[fields.size()]);
      Converter[] converters = new Converter[fields.size()];
      for (int i = 0; i < fields.size(); i++) {
        int at = i;
        converters[i] =
            new PrimitiveConverter() {
              @Override
              public void addBinary(Binary value) {
                row.values[at] = value.toStringUsingUTF8();
              }

              @Override
              public void addBoolean(boolean value) {
                row.values[at] = value;
              }

              @Override
              public void addDouble(double value) {
                row.values[at] = value;
              }

              @Override
              public void addFloat(float value) {
                row.values[at] = (double) value;
              }

              @Override
              public void addInt(int value) {
                row.values[at] = value;
              }

              @Override
              public void addLong(long value) {
                row.values[at] = value;
              }
            };
      }
      root =
          new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
              return converters[fieldIndex];
            }

            @Override
            public void start() {
              Arrays.fill(row.values, null);
            }

            @Override
            public void end() {}
          };
    }

    @Override
    public StoreRow getCurrentRecord() {
      return row;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  private record ArrayRow(Map<String, Integer> index, Object[] values) implements StoreRow {
    private Object value(String column) {
      Integer i = index.get(column);
      if (i == null) {
        throw new IllegalArgumentException("column " + column + " was not read (columns read: " + index.keySet() + ")");
      }
      return values[i];
    }

    @Override
    public String string(String column) {
      return (String) value(column);
    }

    @Override
    public long int64(String column) {
      return ((Number) value(column)).longValue();
    }

    @Override
    public int int32(String column) {
      return ((Number) value(column)).intValue();
    }

    @Override
    public double float64(String column) {
      return ((Number) value(column)).doubleValue();
    }

    @Override
    public boolean bool(String column) {
      return (Boolean) value(column);
    }

    @Override
    public boolean has(String column) {
      return index.containsKey(column);
    }
  }
}

package io.mathsieve.jobs.decontam;

import io.mathsieve.decontam.benchmarks.BenchmarkLoader;
import io.mathsieve.jobs.store.FlinkInputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Rows of a benchmark published as Parquet (Hugging Face datasets: MMLU, MATH-500...) as maps of
 * column to value: strings, numbers, and lists for LIST columns ({@code choices}).
 */
public final class ParquetRows implements BenchmarkLoader.ParquetRows {
  @Override
  public Iterator<Map<String, Object>> apply(java.nio.file.Path file) {
    try {
      InputFile in = new FlinkInputFile(io.mathsieve.jobs.run.FlinkFiles.of(file));
      ParquetReader<Group> reader = new ParquetReader.Builder<Group>(in) {
        @Override
        protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
          return new GroupReadSupport();
        }
      }.build();
      return new Iterator<>() {
        Group next = read(reader);

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public Map<String, Object> next() {
          if (next == null) {
            throw new NoSuchElementException();
          }
          Map<String, Object> row = toMap(next);
          next = read(reader);
          return row;
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Group read(ParquetReader<Group> reader) {
    try {
      Group g = reader.read();
      if (g == null) {
        reader.close();
      }
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> toMap(Group g) {
    Map<String, Object> row = new LinkedHashMap<>();
    GroupType type = g.getType();
    for (int f = 0; f < type.getFieldCount(); f++) {
      Type field = type.getType(f);
      int n = g.getFieldRepetitionCount(f);
      if (n == 0) {
        continue;
      }
      if (field.isPrimitive()) {
        row.put(field.getName(), n == 1 ? g.getValueToString(f, 0) : values(g, f, n));
      } else {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          flatten(g.getGroup(f, i), items);
        }
        row.put(field.getName(), items);
      }
    }
    return row;
  }

  private static List<Object> values(Group g, int f, int n) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(g.getValueToString(f, i));
    }
    return out;
  }

  /** LIST columns nest as {@code list.element}: collect the leaves. */
  private static void flatten(Group g, List<Object> out) {
    for (int f = 0; f < g.getType().getFieldCount(); f++) {
      for (int i = 0; i < g.getFieldRepetitionCount(f); i++) {
        if (g.getType().getType(f).isPrimitive()) {
          out.add(g.getValueToString(f, i));
        } else {
          flatten(g.getGroup(f, i), out);
        }
      }
    }
  }
}

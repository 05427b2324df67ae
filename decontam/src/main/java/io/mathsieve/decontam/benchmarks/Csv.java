package io.mathsieve.decontam.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. Enough for MMLU's files. */
final class Csv {
  private Csv() {}

  static List<List<String>> read(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = r.read()) >= 0) {
        char ch = (char) c;
        any = true;
        if (quoted) {
          if (ch == '"') {
            r.mark(1);
            int next = r.read();
            if (next == '"') {
              field.append('"');
            } else {
              quoted = false;
              if (next >= 0) {
                r.reset();
              }
            }
          } else {
            field.append(ch);
          }
        } else if (ch == '"' && field.length() == 0) {
          quoted = true;
        } else if (ch == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (ch == '\n' || ch == '\r') {
          if (ch == '\r') {
            r.mark(1);
            if (r.read() != '\n') {
              r.reset();
            }
          }
          row.add(field.toString());
          field.setLength(0);
          if (!(row.size() == 1 && row.get(0).isEmpty())) {
            rows.add(row);
          }
          row = new ArrayList<>();
          any = false;
        } else {
          field.append(ch);
        }
      }
      if (any) {
        row.add(field.toString());
        rows.add(row);
      }
    }
    return rows;
  }
}

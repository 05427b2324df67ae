package io.mathsieve.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB over JDBC: an independent Parquet reader, to check that stores open outside parquet-java. */
public final class Duck implements AutoCloseable {
  private final Connection connection;

  public Duck() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  /** {@code read_parquet('<dir>/*.parquet')} as a SQL table expression. */
  public static String store(Path dir) {
    return "read_parquet('" + dir.toAbsolutePath() + "/*.parquet')";
  }

  public List<Map<String, Object>> query(String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  public long count(String sql) throws SQLException {
    return ((Number) query(sql).get(0).values().iterator().next()).longValue();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

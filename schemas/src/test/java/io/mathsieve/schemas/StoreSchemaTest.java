package io.mathsieve.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.schemas.store.ColumnType;
import io.mathsieve.schemas.store.StoreRow;
import io.mathsieve.schemas.store.StoreSchema;
import io.mathsieve.schemas.store.Stores;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSchemaTest {

  @Test
  void rejectsDuplicateAndBadlyNamedColumns() {
    assertThatThrownBy(
            () -> StoreSchema.<String>builder("s", 1, "d").string("a", "", s -> s).string("a", "", s -> s))
        .hasMessage("duplicate column 'a' in store s");
    assertThatThrownBy(() -> StoreSchema.<String>builder("s", 1, "d").string("DocId", "", s -> s))
        .hasMessageContaining("snake_case");
  }

  // Every column of the pages store survives encode -> row -> decode unchanged.
  @Test
  void pagesRoundTripThroughRows() {
    TextDocument doc =
        new TextDocument(
            "id", "https://a.org/x", "a.org", "Title", "text $x^2$", 10, true, "en", 0.75, "UTF-8",
            "meta", "v1", new FormulaCounts(1, 2, 3, 4, 1, 5, 6, 7, 8), true, "f.warc.gz", 123,
            "<urn:uuid:9>", java.time.Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(Stores.PAGES.decode(rowOf(Stores.PAGES, doc))).isEqualTo(doc);
    assertThat(Stores.PAGES.column("math_formulas").orElseThrow().value(doc)).isEqualTo(36); // 1+2+3+4+5+6+7+8: converted (1) is part of mathml (4)
    assertThat(Stores.PAGES.column("fetch_time").orElseThrow().type()).isEqualTo(ColumnType.TIMESTAMP_MILLIS);
  }

  @Test
  void rejectionsRoundTripThroughRows() {
    Rejection r = new Rejection("id", "u", "extract", "not_html", "image/png", "f", 7);
    assertThat(Stores.REJECTIONS.decode(rowOf(Stores.REJECTIONS, r))).isEqualTo(r);
  }

  @Test
  void everyColumnIsDocumented() {
    for (StoreSchema<?> s : Stores.all()) {
      assertThat(s.columns()).allSatisfy(c -> assertThat(c.doc()).as(s.name() + "." + c.name()).isNotBlank());
    }
  }

  static <R> StoreRow rowOf(StoreSchema<R> schema, R record) {
    Map<String, Object> values = new HashMap<>();
    schema.columns().forEach(c -> values.put(c.name(), c.value(record)));
    return new StoreRow() {
      public String string(String c) {
        return (String) values.get(c);
      }

      public long int64(String c) {
        return (Long) values.get(c);
      }

      public int int32(String c) {
        return (Integer) values.get(c);
      }

      public double float64(String c) {
        return (Double) values.get(c);
      }

      public boolean bool(String c) {
        return (Boolean) values.get(c);
      }

      public boolean has(String c) {
        return values.containsKey(c);
      }
    };
  }
}

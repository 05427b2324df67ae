package io.mathsieve.jobs.docs;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.schemas.DropReason;
import io.mathsieve.schemas.store.Column;
import io.mathsieve.schemas.store.StoreSchema;
import io.mathsieve.schemas.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The reference pages generated from the code, so they cannot drift from it: the schema of every
 * store with every drop reason ({@code schema.md}), and every configuration key with its type,
 * default and description ({@code configuration.md}). A test fails when the committed pages differ.
 */
public final class ReferenceDocs {
  public static final Map<String, String> FILES = Map.of("schema.md", "schema", "configuration.md", "configuration");

  private ReferenceDocs() {}

  public static String schema() {
    StringBuilder md = new StringBuilder();
    md.append("# Store schemas\n\n")
        .append("<!-- Generated from io.mathsieve.schemas.store.Stores by `./mathsieve docs --output notebooks-docs`; do not edit. -->\n\n")
        .append("Every store is a directory of Parquet files (zstd) under the run directory, readable by any Parquet reader: ")
        .append("strings are UTF-8 `BINARY (STRING)`, timestamps `INT64 (TIMESTAMP(MILLIS, UTC))`, no Avro-only types. ")
        .append("Each file's footer records `mathsieve.store`, `mathsieve.schema_version` and the config fingerprint.\n\n")
        .append("```sql\n-- DuckDB\nSELECT lang, count(*) FROM read_parquet('out/pages/*.parquet') GROUP BY lang;\n```\n");
    for (StoreSchema<?> s : Stores.all()) {
      md.append("\n## `").append(s.name()).append("` (version ").append(s.version()).append(")\n\n").append(s.doc()).append("\n\n");
      md.append("| column | type | null | description |\n|---|---|---|---|\n");
      for (Column<?> c : s.columns()) {
        md.append("| `").append(c.name()).append("` | ").append(c.type().sqlType()).append(" | ").append(c.nullable() ? "yes" : "no")
            .append(" | ").append(c.doc().replace("|", "\\|")).append(" |\n");
      }
    }
    md.append("\n## Drop reasons\n\nThe `stage` and `reason` columns of the rejections store take these values; run.json counts them as `stage/reason`.\n\n");
    md.append("| stage | reason | meaning |\n|---|---|---|\n");
    for (DropReason r : DropReasons.all()) {
      md.append("| `").append(r.stage()).append("` | `").append(r.code()).append("` | ").append(r.description()).append(" |\n");
    }
    return md.toString();
  }

  public static String configuration() {
    StringBuilder md = new StringBuilder();
    md.append("# Configuration reference\n\n")
        .append("<!-- Generated from MathsieveConfig.options() by `./mathsieve docs --output notebooks-docs`; do not edit. -->\n\n")
        .append("Every command takes `--config FILE` (one `key = value` per line, `#` comments) and `--set key=value` ")
        .append("(repeatable, wins over the file). Unknown keys and invalid values stop the run before it starts, naming the file and line.\n\n")
        .append("```\n# run.conf\nextract.max-dom-depth = 512\npages.text-cap-chars = 32768\n```\n\n")
        .append("| key | type | default | description |\n|---|---|---|---|\n");
    for (ConfigOption<?> o : MathsieveConfig.options()) {
      md.append("| `").append(o.key()).append("` | ").append(o.typeName().replace("|", "\\|")).append(" | `").append(format(o)).append("` | ")
          .append(o.description()).append(o.constraint().isEmpty() ? "" : " The value " + o.constraint() + ".")
          .append(" |\n");
    }
    return md.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String format(ConfigOption o) {
    return o.format(o.defaultValue());
  }

  /** The text of the generated page {@code file}. */
  public static String generate(String file) {
    return switch (FILES.get(file)) {
      case "schema" -> schema();
      case "configuration" -> configuration();
      default -> throw new IllegalArgumentException(file);
    };
  }

  /** Writes every generated page into {@code dir}. */
  public static void writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String f : FILES.keySet()) {
      Files.writeString(dir.resolve(f), generate(f), StandardCharsets.UTF_8);
    }
  }
}

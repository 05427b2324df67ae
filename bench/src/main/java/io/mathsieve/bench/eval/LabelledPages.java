package io.mathsieve.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A labelled set of real pages, as laid out in {@code realdata/}: {@code labels.tsv} ({@code url label
 * kind source}), optionally {@code tex.tsv} ({@code url kind tex}: every formula each math page shows)
 * and the article-extraction benchmark's {@code ground-truth.json} (main text by URL).
 *
 * <pre>{@code
 * LabelledPages set = LabelledPages.load(Path.of("labels.tsv"), Optional.of(Path.of("tex.tsv")), Optional.empty());
 * set.label("https://example.org/").orElseThrow().math();
 * }</pre>
 *
 * A malformed line fails with its file and line number; URLs are compared exactly as written.
 */
public final class LabelledPages {
  /** One page's label. */
  public record Label(String url, boolean math, String kind) {}

  /** One formula a math page shows, by the markup kind it is written in ({@code delim}, {@code script}, {@code mathml}, {@code img}). */
  public record Formula(String kind, String tex) {}

  private final Map<String, Label> labels;
  private final Map<String, List<Formula>> formulas;
  private final Map<String, MainText> mainText;

  private LabelledPages(Map<String, Label> labels, Map<String, List<Formula>> formulas, Map<String, MainText> mainText) {
    this.labels = labels;
    this.formulas = formulas;
    this.mainText = mainText;
  }

  public static LabelledPages load(Path labelsTsv, Optional<Path> texTsv, Optional<Path> groundTruthJson) {
    Map<String, Label> labels = new LinkedHashMap<>();
    for (Row r : rows(labelsTsv, "url", 3)) {
      String label = r.cells()[1];
      if (!label.equals("math") && !label.equals("nonmath")) {
        throw new IllegalArgumentException(r.where() + ": expected label 'math' or 'nonmath', got '" + label + "'");
      }
      labels.put(r.cells()[0], new Label(r.cells()[0], label.equals("math"), r.cells()[2]));
    }
    Map<String, List<Formula>> formulas = new LinkedHashMap<>();
    if (texTsv.isPresent()) {
      for (Row r : rows(texTsv.get(), "url", 3)) {
        formulas.computeIfAbsent(r.cells()[0], k -> new ArrayList<>()).add(new Formula(r.cells()[1], r.cells()[2]));
      }
    }
    Map<String, MainText> main = new LinkedHashMap<>();
    if (groundTruthJson.isPresent()) {
      try {
        JsonNode root = new ObjectMapper().readTree(groundTruthJson.get().toFile());
        for (var it = root.fields(); it.hasNext(); ) {
          var e = it.next();
          JsonNode page = e.getValue();
          if (!page.hasNonNull("url")) {
            throw new IllegalArgumentException(groundTruthJson.get() + ": expected entry '" + e.getKey() + "' to have 'url' and 'articleBody'");
          }
          main.put(page.get("url").asText(), new MainText(e.getKey(), page.path("articleBody").asText("")));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(groundTruthJson.get() + ": not readable JSON: " + e.getMessage(), e);
      }
    }
    return new LabelledPages(labels, formulas, main);
  }

  public Optional<Label> label(String url) {
    return Optional.ofNullable(labels.get(url));
  }

  /** The formulas a page shows; empty for pages without any or not in {@code tex.tsv}. */
  public List<Formula> formulas(String url) {
    return formulas.getOrDefault(url, List.of());
  }

  /** A page's main text in the benchmark, under the benchmark's own key for it. */
  public record MainText(String key, String text) {}

  /** The benchmark's main text of a page, if the page is one of its. */
  public Optional<MainText> mainText(String url) {
    return Optional.ofNullable(mainText.get(url));
  }

  public int size() {
    return labels.size();
  }

  public int mainTextPages() {
    return mainText.size();
  }

  private record Row(String where, String[] cells) {}

  /** Tab-separated rows after a header whose first column is {@code firstHeader}; at least {@code minCells} cells each. */
  private static List<Row> rows(Path file, String firstHeader, int minCells) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || (i == 0 && line.startsWith(firstHeader + "\t"))) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length < minCells) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected at least " + minCells + " tab-separated columns, got " + cells.length);
      }
      out.add(new Row(file + ":" + (i + 1), cells));
    }
    return out;
  }
}

package io.mathsieve.bench.eval;

import io.mathsieve.decontam.benchmarks.BenchmarkItem;
import io.mathsieve.hash.Murmur3;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.TextDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planted-page check of decontamination: benchmark items copied into real pages the way the
 * web quotes them, next to the same pages left clean.
 *
 * <p>From every benchmark, {@code perBenchmark} items are chosen by a seeded hash of their id (the
 * same items every run). Each is planted at the end of a different real page's text in one of four
 * shapes, in turn: as a paragraph; re-wrapped into short lines; as a list, one sentence per item;
 * as a table row, split in two cells. The item's main text is planted (its question, or its only
 * field), as a page quoting a test question would.
 *
 * <pre>{@code
 * PlantedPages.Set s = PlantedPages.plant(items, cleanDocs, 3);
 * s.planted()  // pages that must be removed, with the item each holds
 * }</pre>
 */
public final class PlantedPages {
  /** The ways a page carries a quoted item. */
  public enum Shape {
    PARAGRAPH,
    REWRAPPED,
    LIST,
    TABLE
  }

  /** A page holding an item. */
  public record Planted(TextDocument doc, String benchmark, String itemId, Shape shape) {}

  /** The planted pages, and the clean pages they were made from (all of them, unchanged). */
  public record Set(List<Planted> planted, List<TextDocument> clean) {}

  private PlantedPages() {}

  public static Set plant(List<BenchmarkItem> items, List<TextDocument> clean, int perBenchmark) {
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("no clean pages to plant into");
    }
    Map<String, List<BenchmarkItem>> byBenchmark = new LinkedHashMap<>();
    for (BenchmarkItem i : items) {
      byBenchmark.computeIfAbsent(i.benchmark(), k -> new ArrayList<>()).add(i);
    }
    List<Planted> planted = new ArrayList<>();
    int k = 0;
    for (Map.Entry<String, List<BenchmarkItem>> e : byBenchmark.entrySet()) {
      List<BenchmarkItem> chosen = new ArrayList<>(e.getValue());
      chosen.sort(Comparator.comparingLong(i -> Murmur3.hash64(i.id(), 0x706c616e74L)));
      for (BenchmarkItem item : chosen.subList(0, Math.min(perBenchmark, chosen.size()))) {
        Shape shape = Shape.values()[k % Shape.values().length];
        TextDocument host = clean.get(k % clean.size());
        k++;
        String quoted = shape(mainText(item), shape);
        String url = host.url() + "#planted-" + k;
        String text = host.text() + "\n\n" + quoted;
        planted.add(new Planted(copy(host, url, text), item.benchmark(), item.id(), shape));
      }
    }
    return new Set(planted, clean);
  }

  /** The item's question (its first field alone), or its only text. */
  static String mainText(BenchmarkItem item) {
    return item.texts().size() > 1 ? item.texts().get(1) : item.texts().get(0);
  }

  static String shape(String text, Shape shape) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return switch (shape) {
      case PARAGRAPH -> flat;
      case REWRAPPED -> {
        // five words a line, as a narrow column or a forum quote re-wraps it
        String[] words = flat.split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
          b.append(words[i]).append(i % 5 == 4 ? "\n" : " ");
        }
        yield b.toString().strip();
      }
      case LIST -> {
        StringBuilder b = new StringBuilder();
        for (String sentence : flat.split("(?<=[.?!。？！])\\s*")) {
          if (!sentence.isBlank()) {
            b.append("- ").append(sentence.strip()).append('\n');
          }
        }
        yield b.toString().strip();
      }
      case TABLE -> {
        int mid = flat.length() / 2;
        int cut = flat.indexOf(' ', mid);
        yield cut < 0 ? "Problem | " + flat : "Problem | " + flat.substring(0, cut) + " | " + flat.substring(cut + 1);
      }
    };
  }

  private static TextDocument copy(TextDocument d, String url, String text) {
    return new TextDocument(DocIds.of(url, d.warcRecordId()), url, d.domain(), d.title(), text, text.length(), false, d.lang(), d.langScore(),
        d.charset(), d.charsetSource(), d.extractorVersion(), d.formulas(), d.hasMathMarkup(), d.warcFile(), d.warcOffset(), d.warcRecordId(),
        d.fetchTime());
  }
}

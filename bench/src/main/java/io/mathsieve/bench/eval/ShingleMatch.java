package io.mathsieve.bench.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main-text metric of scrapinghub's article-extraction benchmark ({@code evaluate.py}): both
 * texts become bags of 4-token shingles (tokens are runs of Unicode letters, digits and
 * underscores, as Python's {@code \w+}); true positives are the shingles they share (with
 * multiplicity), and the three counts are normalised to sum to 1 so that long pages weigh no more
 * than short ones. Precision and recall are then averaged over pages.
 *
 * <pre>{@code
 * ShingleMatch.Counts c = ShingleMatch.match("a b c d e", "a b c d");  // tp 1/2, fp 0, fn 1/2
 * }</pre>
 *
 * Edge cases follow the script: a text of fewer than four tokens is one shorter shingle, an empty
 * text has none, and two empty texts score precision and recall 1.
 */
public final class ShingleMatch {
  private static final int N = 4;
  /** Python's {@code \w} under {@code re.UNICODE}: letters, numbers (any kind) and the underscore; no combining marks. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

  private ShingleMatch() {}

  /** Normalised true positives, false positives and false negatives of one page. */
  public record Counts(double tp, double fp, double fn) {
    public double precision() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
    }

    public double recall() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
    }
  }

  /** Averages over pages, and the F1 of the two averages (as the script computes it). */
  public record Scores(double precision, double recall, double f1, int pages) {}

  public static Counts match(String truth, String predicted) {
    Map<String, Integer> t = shingles(truth);
    Map<String, Integer> p = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<String, Integer> e : t.entrySet()) {
      int pc = p.getOrDefault(e.getKey(), 0);
      tp += Math.min(e.getValue(), pc);
      fn += Math.max(0, e.getValue() - pc);
    }
    for (Map.Entry<String, Integer> e : p.entrySet()) {
      fp += Math.max(0, e.getValue() - t.getOrDefault(e.getKey(), 0));
    }
    double s = tp + fp + fn;
    return s > 0 ? new Counts(tp / s, fp / s, fn / s) : new Counts(0, 0, 0);
  }

  /** Precision averaged over pages with tp + fp > 0, recall over pages with tp + fn > 0. */
  public static Scores mean(List<Counts> pages) {
    double p = 0;
    int np = 0;
    double r = 0;
    int nr = 0;
    for (Counts c : pages) {
      if (c.tp() + c.fp() > 0) {
        p += c.precision();
        np++;
      }
      if (c.tp() + c.fn() > 0) {
        r += c.recall();
        nr++;
      }
    }
    double precision = np == 0 ? 0 : p / np;
    double recall = nr == 0 ? 0 : r / nr;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Scores(precision, recall, f1, pages.size());
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Map<String, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<String, Integer> bag = new HashMap<>();
    // As the script: range(max(1, len - n + 1)) shingles, the last ones shorter when the text is short.
    int count = Math.max(1, tokens.size() - N + 1);
    for (int i = 0; i < count; i++) {
      List<String> shingle = tokens.subList(Math.min(i, tokens.size()), Math.min(i + N, tokens.size()));
      if (!shingle.isEmpty()) {
        bag.merge(String.join("\u0001", shingle), 1, Integer::sum);
      }
    }
    return bag;
  }
}

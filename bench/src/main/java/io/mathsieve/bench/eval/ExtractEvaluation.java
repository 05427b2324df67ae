package io.mathsieve.bench.eval;

import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.PageExtractor;
import io.mathsieve.extract.charset.HtmlDecoder;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcInput;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.HtmlPage;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcItem;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jsoup.Jsoup;

/**
 * Measures extraction on labelled real pages: every HTML page of the WARC files goes through the
 * same {@link PageExtractor} the extract job runs, and is compared with what a reader sees.
 *
 * <ul>
 *   <li><b>lost pages</b>: pages with at least {@value #VISIBLE_CHARS} chars of visible text (Jsoup's
 *       text of the body) that extract to nothing, and math pages that extract to nothing;
 *   <li><b>formulas</b>: each formula of {@code tex.tsv} is kept when {@link TexMatch} finds it in
 *       the text, counted per kind, and pages with every formula kept;
 *   <li><b>main text</b>: {@link ShingleMatch} against the benchmark's article bodies, an empty
 *       extraction counting as empty text; the extracted texts are kept by the benchmark's keys, so
 *       that its own {@code evaluate.py} can score them too;
 *   <li><b>speed</b>: pages per CPU-second of the extracting thread (decode, parse, walk, language).
 * </ul>
 *
 * Every page that fails a check is passed to the failure consumer with what was lost.
 */
public final class ExtractEvaluation {
  /** Visible text above which a page must not extract to nothing. */
  public static final int VISIBLE_CHARS = 500;

  /** One failed check of one page. */
  public record Failure(String url, String problem, String detail) {}

  /** Formulas of one kind: how many the pages show, how many were kept. */
  public record KindCount(int total, int kept) {
    KindCount plus(boolean k) {
      return new KindCount(total + 1, kept + (k ? 1 : 0));
    }

    public double share() {
      return total == 0 ? 1 : kept / (double) total;
    }
  }

  /** The figures of one evaluation. */
  public record Result(
      int pagesIn,
      int pagesOut,
      int unlabelled,
      int visiblePages,
      int visibleLost,
      int mathPages,
      int mathLost,
      Map<String, KindCount> tex,
      KindCount texOverall,
      int mathPagesAllKept,
      ShingleMatch.Scores mainText,
      int mainTextEmpty,
      Map<String, String> mainTextPredictions,
      double cpuSeconds) {
    public double emptyRate() {
      return visiblePages == 0 ? 0 : visibleLost / (double) visiblePages;
    }

    public double pagesPerCpuSecond() {
      return cpuSeconds == 0 ? 0 : pagesIn / cpuSeconds;
    }
  }

  private ExtractEvaluation() {}

  public static Result run(List<Path> warcs, LabelledPages labels, ExtractConfig config, Consumer<Failure> failures) throws IOException {
    PageExtractor extractor = new PageExtractor(config);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int in = 0;
    int out = 0;
    int unlabelled = 0;
    int visiblePages = 0;
    int visibleLost = 0;
    int mathPages = 0;
    int mathLost = 0;
    int allKept = 0;
    int mainEmpty = 0;
    long cpu = 0;
    Map<String, KindCount> tex = new TreeMap<>();
    KindCount overall = new KindCount(0, 0);
    List<ShingleMatch.Counts> main = new ArrayList<>();
    Map<String, String> predictions = new TreeMap<>();
    for (Path warc : warcs) {
      try (WarcRecordReader reader = new WarcRecordReader(WarcInput.local(warc), WarcConfig.defaults())) {
        for (WarcItem item; (item = reader.next()) != null; ) {
          if (!item.isPage()) {
            continue;
          }
          HtmlPage page = item.page();
          in++;
          long t0 = threads.getCurrentThreadCpuTime();
          FilterResult<TextDocument> r = extractor.extract(page);
          cpu += threads.getCurrentThreadCpuTime() - t0;
          String text = r instanceof FilterResult.Keep<TextDocument> k ? k.value().text() : "";
          String dropped = r instanceof FilterResult.Drop<TextDocument> d ? d.reason().key() + " (" + d.detail() + ")" : null;
          if (dropped == null) {
            out++;
          }
          var label = labels.label(page.url());
          if (label.isEmpty()) {
            unlabelled++;
          }
          int visible = visibleChars(page);
          if (visible >= VISIBLE_CHARS) {
            visiblePages++;
            if (dropped != null) {
              visibleLost++;
              failures.accept(new Failure(page.url(), "empty_text", dropped + "; " + visible + " chars visible"));
            }
          }
          if (label.isPresent() && label.get().math()) {
            mathPages++;
            if (dropped != null) {
              mathLost++;
              failures.accept(new Failure(page.url(), "math_page_lost", dropped));
            }
          }
          List<LabelledPages.Formula> formulas = labels.formulas(page.url());
          if (!formulas.isEmpty()) {
            String normalised = TexMatch.normalise(text);
            List<String> lost = new ArrayList<>();
            for (LabelledPages.Formula f : formulas) {
              boolean kept = normalised.contains(TexMatch.normalise(f.tex()));
              tex.merge(f.kind(), new KindCount(0, 0).plus(kept), (a, b) -> new KindCount(a.total() + b.total(), a.kept() + b.kept()));
              overall = overall.plus(kept);
              if (!kept) {
                lost.add(f.kind() + ": " + abbreviate(f.tex(), 80));
              }
            }
            if (lost.isEmpty()) {
              allKept++;
            } else {
              failures.accept(new Failure(page.url(), "tex_lost",
                  lost.size() + " of " + formulas.size() + " formulas, e.g. " + String.join(" | ", lost.subList(0, Math.min(3, lost.size())))));
            }
          }
          var truth = labels.mainText(page.url());
          if (truth.isPresent()) {
            ShingleMatch.Counts c = ShingleMatch.match(truth.get().text(), text);
            predictions.put(truth.get().key(), text);
            main.add(c);
            if (text.isEmpty()) {
              mainEmpty++;
            }
            double f1 = c.precision() + c.recall() == 0 ? 0 : 2 * c.precision() * c.recall() / (c.precision() + c.recall());
            if (f1 < 0.9) {
              failures.accept(new Failure(page.url(), "main_text",
                  String.format(java.util.Locale.ROOT, "F1 %.3f, precision %.3f, recall %.3f, %d chars extracted, %d in the benchmark",
                      f1, c.precision(), c.recall(), text.length(), truth.get().text().length())));
            }
          }
        }
      }
    }
    return new Result(in, out, unlabelled, visiblePages, visibleLost, mathPages, mathLost, tex, overall, allKept,
        ShingleMatch.mean(main), mainEmpty, predictions, cpu / 1e9);
  }

  /** Chars of text a reader sees in the body (scripts and styles excluded), whitespace folded. */
  static int visibleChars(HtmlPage page) {
    var html = HtmlDecoder.decode(page.body(), page.contentType());
    var body = Jsoup.parse(html.html(), page.url()).body();
    return body == null ? 0 : body.text().length();
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }
}

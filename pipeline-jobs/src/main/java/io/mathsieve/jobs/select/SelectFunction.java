package io.mathsieve.jobs.select;

import io.mathsieve.classifiers.iterate.ClassifyReason;
import io.mathsieve.classifiers.iterate.ScoreHistogram;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.EndOfKeyJoin;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Joins each page with what the classifier said about it (keyed by doc id, decided at the end of
 * the key): pages the final iteration collects become corpus rows, with the first iteration that
 * collected them; the others become {@code classify/not_collected} rejections naming score and
 * threshold. Rows whose text is a prefix go to {@link #TRUNCATED} for their full text.
 */
public final class SelectFunction extends EndOfKeyJoin<String, TextDocument, Selection, CorpusRow> {
  public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("select-rejections", TypeInformation.of(Rejection.class));
  public static final OutputTag<Truncated> TRUNCATED = new OutputTag<>("truncated", TypeInformation.of(Truncated.class));

  private final double threshold;
  private final int finalIteration;
  private final String modelVersion;

  public SelectFunction(double threshold, int finalIteration, String modelVersion) {
    super(TypeInformation.of(TextDocument.class), TypeInformation.of(Selection.class));
    this.threshold = threshold;
    this.finalIteration = finalIteration;
    this.modelVersion = modelVersion;
  }

  @Override
  protected void decide(Iterable<TextDocument> pages, Iterable<Selection> selections, OnTimerContext ctx, Collector<CorpusRow> out) {
    TextDocument d = last(pages);
    Double s = null;
    Integer first = null;
    for (Selection sel : selections) {
      if (sel.finalScore()) {
        s = sel.score();
      } else if (first == null || sel.iteration() < first) {
        first = sel.iteration();
      }
    }
    if (d == null) {
      counters.inc(Count.SELECT_SCORES_WITHOUT_PAGE); // a scores store from another pages store: counted, not fatal
      return;
    }
    counters.inc(Count.SELECT_TOTAL);
    if (s == null || !ScoreHistogram.collected(s, threshold)) {
      Rejection r = d.reject(ClassifyReason.NOT_COLLECTED, s == null ? "no score in the final iteration"
          : String.format(Locale.ROOT, "score %.4f < threshold %.4f (iteration %d)", s, threshold, finalIteration));
      counters.dropped(r);
      ctx.output(REJECTIONS, r);
      return;
    }
    int iteration = first == null ? finalIteration : Math.min(first, finalIteration);
    CorpusRow row = CorpusRow.of(d, s, iteration, modelVersion);
    if (d.textTruncated()) {
      counters.inc(Count.SELECT_TRUNCATED);
      ctx.output(TRUNCATED, new Truncated(row, d.textChars()));
    } else {
      counters.inc(Count.SELECT_FORWARDED);
      counters.add(Count.SELECT_TEXT_BYTES, utf8Length(row.text()));
      out.collect(row);
    }
  }

  /** UTF-8 length of {@code s} without encoding it: sizes the corpus before it is written. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}

package io.mathsieve.jobs.select;

import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.PageExtractor;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.jobs.export.CorpusReason;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.source.WarcInputs;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives a collected page its full text when the pages store kept only a prefix: re-reads the one
 * WARC record at the page's offset and extracts it again with the same settings. The result must
 * be the same document (same id, same full length); anything else is a
 * {@code corpus/full_text_unavailable} rejection saying why, never a silently short document.
 */
public final class FullTextFunction extends ProcessFunction<Truncated, CorpusRow> {
  private final HashMap<String, String> locations;
  private final WarcConfig warc;
  private final ExtractConfig extract;
  private transient PageExtractor extractor;
  private transient StageCounters counters;

  /** {@code locations}: WARC file name (as recorded in rows) to where it can be opened. */
  public FullTextFunction(Map<String, String> locations, WarcConfig warc, ExtractConfig extract) {
    this.locations = new HashMap<>(locations);
    this.warc = warc;
    this.extract = extract;
  }

  @Override
  public void open(OpenContext context) {
    extractor = new PageExtractor(extract);
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(Truncated t, Context ctx, Collector<CorpusRow> out) {
    CorpusRow row = t.row();
    String problem;
    try {
      problem = reread(row, t.textChars(), out);
    } catch (IOException | RuntimeException e) {
      problem = "cannot re-read " + row.warcFile() + " at " + row.warcOffset() + ": " + e;
    }
    if (problem != null) {
      Rejection r = row.reject(CorpusReason.FULL_TEXT_UNAVAILABLE, problem);
      counters.dropped(r);
      ctx.output(SelectFunction.REJECTIONS, r);
    }
  }

  /** Emits the row with its full text and returns null, or returns what went wrong. */
  private String reread(CorpusRow row, int textChars, Collector<CorpusRow> out) throws IOException {
    String location = locations.get(row.warcFile());
    if (location == null) {
      return "WARC file " + row.warcFile() + " is not among this run's inputs";
    }
    try (WarcRecordReader reader = new WarcRecordReader(WarcInputs.open(location, row.warcFile(), warc), warc, row.warcOffset(), 0,
        WarcFileStats.empty(row.warcFile()))) {
      WarcItem item = reader.next();
      while (item != null && item.isFileStats()) {
        item = reader.next();
      }
      if (item == null || !item.isPage()) {
        return "no readable response record at offset " + row.warcOffset() + " of " + row.warcFile()
            + (item != null && item.isRejection() ? " (" + item.rejection().reason() + ": " + item.rejection().detail() + ")" : "");
      }
      FilterResult<TextDocument> result = extractor.extract(item.page());
      if (!(result instanceof FilterResult.Keep<TextDocument> keep)) {
        return "re-extraction dropped the page: " + ((FilterResult.Drop<TextDocument>) result).reason().key();
      }
      TextDocument d = keep.value();
      if (!d.docId().equals(row.docId())) {
        return "the record at offset " + row.warcOffset() + " is another document (" + d.docId() + "): the WARC file changed";
      }
      if (!d.extractorVersion().equals(row.extractorVersion()) || d.text().length() != textChars) {
        return "re-extraction gave " + d.text().length() + " chars with " + d.extractorVersion() + ", the pages store recorded " + textChars
            + " chars with " + row.extractorVersion();
      }
      counters.inc(Count.SELECT_FULL_TEXT_REREAD);
      counters.inc(Count.SELECT_FORWARDED);
      counters.add(Count.SELECT_TEXT_BYTES, SelectFunction.utf8Length(d.text()));
      out.collect(row.withText(d.text()));
      return null;
    }
  }
}

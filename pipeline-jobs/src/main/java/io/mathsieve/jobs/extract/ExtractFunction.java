package io.mathsieve.jobs.extract;

import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.PageExtractor;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.FormulaCounts;
import io.mathsieve.schemas.HtmlPage;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The extract stage as a Flink operator: pages become text documents through {@link PageExtractor};
 * rejections from the reader and from extraction go to the {@link #REJECTIONS} side output, per-file
 * statistics to {@link #FILES}. Every item is counted by outcome.
 */
public final class ExtractFunction extends ProcessFunction<WarcItem, TextDocument> {
  public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("rejections", TypeInformation.of(Rejection.class));
  public static final OutputTag<WarcFileStats> FILES = new OutputTag<>("files", TypeInformation.of(WarcFileStats.class));

  private final ExtractConfig config;
  private transient PageExtractor extractor;
  private transient StageCounters counters;

  public ExtractFunction(ExtractConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext context) {
    extractor = new PageExtractor(config);
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void processElement(WarcItem item, Context ctx, Collector<TextDocument> out) {
    if (item.isFileStats()) {
      WarcFileStats s = item.fileStats();
      counters.inc(Count.WARC_FILES);
      counters.add(Count.WARC_RECORDS_RESPONSE, s.response());
      counters.add(Count.WARC_RECORDS_REQUEST, s.request());
      counters.add(Count.WARC_RECORDS_METADATA, s.metadata());
      counters.add(Count.WARC_RECORDS_WARCINFO, s.warcinfo());
      counters.add(Count.WARC_RECORDS_REVISIT, s.revisit());
      counters.add(Count.WARC_RECORDS_OTHER, s.other());
      counters.add(Count.WARC_RECORDS_CORRUPT, s.corrupt());
      ctx.output(FILES, s);
      return;
    }
    if (item.isRejection()) {
      reject(item.rejection(), ctx);
      return;
    }
    HtmlPage page = item.page();
    counters.inc(Count.EXTRACT_TOTAL);
    FilterResult<TextDocument> result = extractor.extract(page);
    if (result instanceof FilterResult.Keep<TextDocument> keep) {
      counters.inc(Count.EXTRACT_FORWARDED);
      count(keep.value());
      out.collect(keep.value());
    } else if (result instanceof FilterResult.Drop<TextDocument> drop) {
      reject(page.reject(drop.reason(), drop.detail()), ctx);
    }
  }

  /** Formulas by markup kind and pages by language, for the run summary and the report. */
  private void count(TextDocument d) {
    FormulaCounts f = d.formulas();
    counters.add(Count.FORMULAS_TEX_SCRIPT, f.texScript());
    counters.add(Count.FORMULAS_KATEX, f.katex());
    counters.add(Count.FORMULAS_WP_KATEX, f.wpKatex());
    counters.add(Count.FORMULAS_MATHML, f.mathml());
    counters.add(Count.FORMULAS_MATHML_CONVERTED, f.mathmlConverted());
    counters.add(Count.FORMULAS_WIKI_MATH, f.wikiMath());
    counters.add(Count.FORMULAS_LATEX_IMAGE, f.latexImage());
    counters.add(Count.FORMULAS_BBCODE, f.bbcode());
    counters.add(Count.FORMULAS_DELIMITED, f.delimited());
    if (d.hasMathMarkup()) {
      counters.inc(Count.PAGES_WITH_MATH_MARKUP);
    }
    counters.language(d.lang());
  }

  private void reject(Rejection r, Context ctx) {
    counters.dropped(r);
    ctx.output(REJECTIONS, r);
  }
}

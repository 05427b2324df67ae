package io.mathsieve.jobs.extract;

import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.PageExtractor;
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
      counters.inc("warc.files");
      counters.add("warc.records.response", s.response());
      counters.add("warc.records.request", s.request());
      counters.add("warc.records.metadata", s.metadata());
      counters.add("warc.records.warcinfo", s.warcinfo());
      counters.add("warc.records.revisit", s.revisit());
      counters.add("warc.records.other", s.other());
      counters.add("warc.records.corrupt", s.corrupt());
      ctx.output(FILES, s);
      return;
    }
    if (item.isRejection()) {
      reject(item.rejection(), ctx);
      return;
    }
    HtmlPage page = item.page();
    counters.inc("extract.total");
    FilterResult<TextDocument> result = extractor.extract(page);
    if (result instanceof FilterResult.Keep<TextDocument> keep) {
      counters.inc("extract.forwarded");
      count(keep.value());
      out.collect(keep.value());
    } else if (result instanceof FilterResult.Drop<TextDocument> drop) {
      reject(page.reject(drop.reason(), drop.detail()), ctx);
    }
  }

  /** Formulas by markup kind and pages by language, for the run summary and the report. */
  private void count(TextDocument d) {
    FormulaCounts f = d.formulas();
    counters.add("extract.formulas.tex_script", f.texScript());
    counters.add("extract.formulas.katex", f.katex());
    counters.add("extract.formulas.wp_katex", f.wpKatex());
    counters.add("extract.formulas.mathml", f.mathml());
    counters.add("extract.formulas.mathml_converted", f.mathmlConverted());
    counters.add("extract.formulas.wiki_math", f.wikiMath());
    counters.add("extract.formulas.latex_image", f.latexImage());
    counters.add("extract.formulas.bbcode", f.bbcode());
    counters.add("extract.formulas.delimited", f.delimited());
    if (d.hasMathMarkup()) {
      counters.inc("extract.pages_with_math_markup");
    }
    counters.inc("extract.lang." + d.lang());
  }

  private void reject(Rejection r, Context ctx) {
    counters.dropped(r);
    ctx.output(REJECTIONS, r);
  }
}

package io.mathsieve.jobs.report;

import io.mathsieve.jobs.build.BuildSummary;
import io.mathsieve.jobs.build.Iterated;
import io.mathsieve.jobs.classify.IterationSummary;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.FlinkFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched)
 * showing what a build did: the funnel, rejections with examples, the classifier's iterations,
 * the corpus's domains and languages, extraction's formulas, decontamination, and sample documents.
 * Every string from the crawl is escaped ({@link Html#text}).
 */
public final class RunReport {
  private RunReport() {}

  /** Writes {@code dir/report.html} for the build in {@code dir}, on any Flink file system; returns its path. */
  public static org.apache.flink.core.fs.Path write(org.apache.flink.core.fs.Path dir) throws IOException {
    String html = render(ReportData.load(dir), FlinkFiles.shown(dir));
    org.apache.flink.core.fs.Path file = new org.apache.flink.core.fs.Path(dir, "report.html");
    FlinkFiles.writeAtomically(file, html.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static String render(ReportData d, String title) {
    Html h = new Html();
    BuildSummary run = d.run();
    BuildSummary.Funnel funnel = run.funnel();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>mathsieve report: ").esc(title).raw("</title>")
        .raw("<style>").raw(CSS).raw("</style></head><body>");
    h.raw("<header><h1>mathsieve build report</h1><p class=\"meta\">").esc(title).raw(" · started ").esc(run.started())
        .raw(" · ").raw(String.format(Locale.ROOT, "%.0f s", run.durationSeconds())).raw(" · config ")
        .esc(run.configFingerprint()).raw("</p>");
    Manifest.Totals totals = d.manifest().totals();
    h.raw("<div class=\"kpis\">");
    kpi(h, "documents", Html.number(funnel.corpusRows()));
    kpi(h, "tokens (" + d.manifest().tokenizer().name() + ")", Html.number(funnel.corpusTokens()));
    kpi(h, "files", Html.number(totals.files()));
    kpi(h, "bytes", Html.number(totals.bytes()));
    kpi(h, "WARC records", Html.number(funnel.responseRecords()));
    kpi(h, "every record accounted for", run.accounting().balanced() ? "yes" : "NO");
    h.raw("</div></header><main>");

    // The funnel.
    h.raw("<section id=\"funnel\"><h2>Funnel</h2>");
    List<Svg.Bar> steps = new ArrayList<>();
    steps.add(new Svg.Bar("WARC response records", funnel.responseRecords(), null));
    steps.add(new Svg.Bar("pages extracted", funnel.pagesExtracted(), null));
    steps.add(new Svg.Bar("after URL and exact dedup", funnel.pagesAfterUrlExactDedup(), null));
    for (BuildSummary.Collected it : funnel.collectedPerIteration()) {
      steps.add(new Svg.Bar("collected, iteration " + it.iteration(), it.pages(), null));
    }
    steps.add(new Svg.Bar("after near-dedup", funnel.afterNearDedup(), null));
    steps.add(new Svg.Bar("after decontamination", funnel.afterDecontam(), null));
    h.raw(Svg.bars(steps, "#1565c0"));
    h.raw("<p>Corpus: ").raw(Html.number(funnel.corpusRows())).raw(" documents, ")
        .raw(Html.number(funnel.corpusTokens())).raw(" tokens.</p></section>");

    // Rejections.
    long records = Math.max(1, funnel.responseRecords());
    h.raw("<section id=\"rejections\"><h2>Rejections by stage and reason</h2>");
    List<Svg.Bar> reasons = new ArrayList<>();
    d.reasons().forEach(r -> reasons.add(new Svg.Bar(r.key(), r.count(), Html.percent((double) r.count() / records))));
    h.raw(Svg.bars(reasons, "#ef6c00"));
    h.raw("<table><thead><tr><th>reason</th><th class=\"n\">documents</th><th class=\"n\">share of records</th><th>meaning</th></tr></thead><tbody>");
    for (ReportData.Reason r : d.reasons()) {
      h.raw("<tr><td><code>").esc(r.key()).raw("</code></td><td class=\"n\">").raw(Html.number(r.count())).raw("</td><td class=\"n\">")
          .raw(Html.percent((double) r.count() / records)).raw("</td><td>").esc(r.description()).raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    for (ReportData.Reason r : d.reasons()) {
      if (r.examples().isEmpty()) {
        continue;
      }
      h.raw("<details class=\"examples\"><summary>Examples: <code>").esc(r.key()).raw("</code></summary>");
      for (ReportData.Example e : r.examples()) {
        h.raw("<div class=\"example\"><div class=\"url\">").esc(e.url().isEmpty() ? "(no URL: unreadable record)" : e.url())
            .raw("</div><div class=\"detail\">").esc(e.detail()).raw("</div>");
        if (!e.excerpt().isEmpty()) {
          h.raw("<pre>").esc(e.excerpt()).raw("</pre>");
        }
        h.raw("</div>");
      }
      h.raw("</details>");
    }
    h.raw("</section>");

    // The classifier.
    Iterated iterate = run.iterateStage();
    h.raw("<section id=\"classifier\"><h2>The classifier's iterations</h2>");
    Iterated.TokenRatesUsed rates = iterate.tokenRates();
    h.raw("<p>Budget tokens: ").raw(String.format(Locale.ROOT, "%.4f", rates.tokensPerChar()))
        .raw(" tokens per char (CJK: ").raw(String.format(Locale.ROOT, "%.4f", rates.tokensPerCjkChar()))
        .raw("), measured with ").esc(rates.tokenizer()).raw(" on ").raw(Html.number(rates.samplePages() + rates.sampleCjkPages()))
        .raw(" pages. Final model ").esc(iterate.modelVersion()).raw(".</p>");
    List<Svg.Bar> shares = new ArrayList<>();
    h.raw("<div class=\"iterations\">");
    for (IterationSummary it : iterate.loop().iterations()) {
      int i = it.iteration();
      shares.add(new Svg.Bar("iteration " + i + ": new pages", it.newPages(), Html.percent(it.newShare())));
      h.raw("<div class=\"card\"><h3>Iteration ").raw(String.valueOf(i)).raw("</h3>");
      h.raw(Svg.histogram(it.scoreHistogram20(), it.threshold()));
      h.raw("<p>").raw(Html.number(it.collectedPages())).raw(" pages collected (score ≥ ")
          .raw(String.format(Locale.ROOT, "%.4f", it.threshold())).raw("), ").raw(Html.number(it.newPages()))
          .raw(" new (").raw(Html.percent(it.newShare())).raw("); ").raw(Html.number(it.mathDomains()))
          .raw(" math domains");
      if (it.precision() != null) {
        h.raw(String.format(Locale.ROOT, "; on %d labelled pages precision %.3f, recall %.3f", it.labelledPages(),
            it.precision(), it.recall()));
      }
      h.raw(". Stop: ").esc(it.stopped()).raw(".</p>");
      h.raw("<h4>Math domains (share of pages collected)</h4><ul class=\"cols\">");
      for (IterationSummary.DomainShare dm : it.topMathDomains().subList(0, Math.min(15, it.topMathDomains().size()))) {
        h.raw("<li>").esc(dm.domain()).raw(" <span class=\"muted\">").raw(Html.number(dm.collected())).raw("/")
            .raw(Html.number(dm.pages())).raw("</span></li>");
      }
      h.raw("</ul><h4>Accepted URL patterns</h4><ul class=\"cols\">");
      for (String p : it.acceptedPatterns()) {
        h.raw("<li><code>").esc(p).raw("</code></li>");
      }
      if (it.acceptedPatterns().isEmpty()) {
        h.raw("<li class=\"muted\">none</li>");
      }
      h.raw("</ul></div>");
    }
    h.raw("</div><h3>New pages per iteration</h3>").raw(Svg.bars(shares, "#6a1b9a")).raw("</section>");

    // The corpus.
    h.raw("<section id=\"corpus\"><h2>The corpus</h2>");
    if (d.corpusSampled()) {
      h.raw("<p class=\"muted\">From the first ").raw(Html.number(d.corpusRowsScanned())).raw(" documents.</p>");
    }
    h.raw("<div class=\"two\"><div><h3>Top domains (tokens)</h3>");
    h.raw(Svg.bars(d.corpusDomains().stream().map(t -> new Svg.Bar(t.name(), t.tokens(), Html.number(t.docs()) + " docs")).toList(), "#2e7d32", 260));
    h.raw("</div><div><h3>Languages (tokens)</h3>");
    h.raw(Svg.bars(d.corpusLanguages().stream().map(t -> new Svg.Bar(t.name(), t.tokens(), Html.number(t.docs()) + " docs")).toList(), "#00838f", 260));
    h.raw("</div></div></section>");

    // Extraction.
    ExtractSummary extract = run.extractStage();
    h.raw("<section id=\"extraction\"><h2>Extraction</h2><p>").raw(Html.number(extract.pagesWithMathMarkup()))
        .raw(" of ").raw(Html.number(funnel.pagesExtracted())).raw(" extracted pages carry math markup; extractor ")
        .esc(run.extractorVersion()).raw(".</p><div class=\"two\"><div><h3>Formulas by markup</h3>");
    List<Svg.Bar> formulas = new ArrayList<>();
    extract.formulas().forEach((kind, n) -> formulas.add(new Svg.Bar(kind, n, null)));
    formulas.sort((a, b) -> Long.compare(b.value(), a.value()));
    h.raw(Svg.bars(formulas, "#5d4037", 260));
    h.raw("</div><div><h3>Languages of extracted pages</h3>");
    List<Svg.Bar> langs = new ArrayList<>();
    extract.languages().forEach((lang, n) -> langs.add(new Svg.Bar(lang, n, null)));
    h.raw(Svg.bars(langs.stream().limit(15).toList(), "#00838f", 260)).raw("</div></div></section>");

    // Decontamination.
    DecontamReport decontam = run.decontamStage();
    h.raw("<section id=\"decontamination\"><h2>Decontamination</h2><p>").raw(String.valueOf(decontam.ngram()))
        .raw("-gram rule, mode <code>").esc(decontam.mode()).raw("</code>: ").raw(Html.number(decontam.removed()))
        .raw(" of ").raw(Html.number(decontam.documents())).raw(" documents removed.</p>");
    h.raw("<table><thead><tr><th>benchmark</th><th class=\"n\">items indexed</th><th class=\"n\">too short</th><th class=\"n\">items found</th>"
        + "<th class=\"n\">documents matched</th><th class=\"n\">documents removed</th></tr></thead><tbody>");
    for (DecontamReport.Benchmark b : decontam.benchmarks()) {
      h.raw("<tr><td>").esc(b.benchmark()).raw("</td>");
      for (long n : new long[] {b.itemsIndexed(), b.itemsTooShort(), b.itemsFound(), b.documentsMatched(), b.documentsRemoved()}) {
        h.raw("<td class=\"n\">").raw(Html.number(n)).raw("</td>");
      }
      h.raw("</tr>");
    }
    h.raw("</tbody></table></section>");

    // Samples.
    h.raw("<section id=\"samples\"><h2>Sample documents</h2><p class=\"muted\">The first documents of the first corpus file (doc id order, "
        + "which is a fixed pseudo-random order). LaTeX is shown as source.</p>");
    for (ReportData.Sample s : d.samples()) {
      h.raw("<article class=\"doc\"><div class=\"url\">").esc(s.url()).raw("</div><div class=\"muted\">").esc(s.domain()).raw(" · ").esc(s.lang())
          .raw(String.format(Locale.ROOT, " · score %.3f · %s tokens · iteration %d · cluster of %d", s.score(), Html.number(s.tokens()),
              s.iteration(), s.clusterSize()))
          .raw("</div><pre>").esc(s.text()).raw("</pre></article>");
    }
    h.raw("</section>");

    // Configuration.
    h.raw("<section id=\"configuration\"><h2>Configuration</h2><table class=\"config\"><tbody>");
    run.config().forEach((key, value) -> h.raw("<tr><td><code>").esc(key).raw("</code></td><td>").esc(value).raw("</td></tr>"));
    h.raw("</tbody></table></section></main><footer>Written by mathsieve from ").esc(title).raw("/run.json, manifest.json and the stores.</footer>")
        .raw("</body></html>\n");
    return h.toString();
  }

  private static void kpi(Html h, String label, String value) {
    h.raw("<div class=\"kpi\"><div class=\"v\">").esc(value).raw("</div><div class=\"l\">").esc(label).raw("</div></div>");
  }

  static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
      header{background:#fff;border-bottom:1px solid #ddd;padding:16px 28px}h1{margin:0 0 4px;font-size:22px}
      main{padding:8px 28px 40px;max-width:1300px}section{background:#fff;border:1px solid #e3e3e3;border-radius:8px;margin:18px 0;padding:12px 18px}
      h2{font-size:18px;margin:6px 0 10px}h3{font-size:15px;margin:10px 0 6px}h4{font-size:13px;margin:8px 0 4px;color:#444}
      .meta,.muted{color:#666}.kpis{display:flex;flex-wrap:wrap;gap:12px;margin-top:10px}
      .kpi{border:1px solid #e3e3e3;border-radius:6px;padding:6px 12px;min-width:120px;background:#fcfcfc}.kpi .v{font-size:18px;font-weight:600}
      .kpi .l{color:#666;font-size:12px}table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #eee;padding:3px 10px;text-align:left;
      vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}svg.chart{display:block;max-width:100%;height:auto}
      svg text{font:12px system-ui,sans-serif;fill:#333}svg text.axis{fill:#666;font-size:11px}
      .iterations{display:flex;flex-wrap:wrap;gap:14px}.card{border:1px solid #e3e3e3;border-radius:6px;padding:8px 12px;flex:1 1 540px}
      ul.cols{columns:2;margin:4px 0;padding-left:18px}.two{display:flex;flex-wrap:wrap;gap:20px}.two>div{flex:1 1 560px}
      pre{white-space:pre-wrap;word-break:break-word;background:#f5f5f5;border-radius:4px;padding:8px;max-height:320px;overflow:auto;font-size:12.5px}
      .url{font-family:ui-monospace,monospace;font-size:12.5px;word-break:break-all}.example{margin:8px 0 12px}.detail{color:#555}
      details.examples{margin:6px 0}summary{cursor:pointer}article.doc{margin:12px 0}footer{color:#888;padding:0 28px 24px}
      """;
}

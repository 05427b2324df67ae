package io.mathsieve.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.build.BuildSummary;
import io.mathsieve.jobs.build.Iterated;
import io.mathsieve.jobs.classify.LoopSummaries;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.export.Manifest;
import io.mathsieve.jobs.extract.ExtractSummary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report renders crawled strings as text, never as markup, wherever they appear. */
class RunReportTest {
  static final String SCRIPT = "<script>alert('pwned')</script>";
  static final String IMG = "<img src=x onerror=\"alert(1)\">";
  static final String BREAKOUT = "</pre></section><svg onload=alert(2)>";

  @Test
  void crawledPayloadsAppearAsTextNotMarkup() throws Exception {
    String payload = SCRIPT + IMG + BREAKOUT;
    ReportData d = new ReportData(build(payload), manifest(payload),
        List.of(new ReportData.Reason("classify/not_collected", "desc", 7,
            List.of(new ReportData.Example("id", "https://evil.example/" + payload, payload, payload)))),
        List.of(new ReportData.Tally(payload, 1, 100)), List.of(new ReportData.Tally("en", 1, 100)), 1, false,
        List.of(new ReportData.Sample("https://evil.example/?" + payload, payload, "en", 0.9, 100, 1, 1, "$x^2$ " + payload)));

    String html = RunReport.render(d, "out/" + payload);
    String lower = html.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror=\"").doesNotContain("<svg onload");
    assertThat(html).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;").contains("onerror=&quot;alert(1)&quot;")
        .contains("&lt;/pre&gt;&lt;/section&gt;&lt;svg onload=alert(2)&gt;");
    // Every section is there, and the structure is intact: as many sections open as close.
    for (String id : List.of("funnel", "rejections", "classifier", "corpus", "extraction", "decontamination", "samples", "configuration")) {
      assertThat(html).contains("<section id=\"" + id + "\">");
    }
    assertThat(count(html, "<section")).isEqualTo(count(html, "</section>")).isEqualTo(8);
    assertThat(count(html, "<pre>")).isEqualTo(count(html, "</pre>"));
    assertThat(html).contains("$x^2$"); // LaTeX stays source
  }

  // A run.json from a version whose iterate stage kept the loop's fields at its top level (no
  // "loop") stops the report with a one-line error naming the file, the stage and the field,
  // instead of a classifier section of zeros.
  @Test
  void aRunJsonWhoseIterateStageDoesNotReadIsAOneLineError(@TempDir Path dir) throws Exception {
    ObjectNode flat = build("x").stage("iterate").deepCopy();
    flat.setAll((ObjectNode) flat.remove("loop"));
    build("x", flat).write(FlinkFiles.of(dir.resolve("run.json")));
    assertThatThrownBy(() -> ReportData.load(FlinkFiles.of(dir))).isInstanceOf(UserError.class)
        .hasMessageStartingWith(dir.resolve("run.json") + ": the build summary's iterate stage does not read as Iterated")
        .hasMessageContaining("'loop'").hasMessageEndingWith("run build again to rewrite it")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  // The report reads manifest.json as strictly as run.json: without it, or with a key missing,
  // it stops with a one-line error naming the file, instead of showing 0 files and 0 bytes.
  @Test
  void aManifestThatIsMissingOrDoesNotReadIsAOneLineError(@TempDir Path dir) throws Exception {
    build("x").write(FlinkFiles.of(dir.resolve("run.json")));
    assertThatThrownBy(() -> ReportData.load(FlinkFiles.of(dir))).isInstanceOf(UserError.class)
        .hasMessage(dir + " holds a run.json but no manifest.json; run build again to rewrite it");
    ObjectNode noTotals = manifest("x").json();
    noTotals.remove("totals");
    FlinkFiles.writeJson(FlinkFiles.of(dir.resolve("manifest.json")), noTotals);
    assertThatThrownBy(() -> ReportData.load(FlinkFiles.of(dir))).isInstanceOf(UserError.class)
        .hasMessageStartingWith(dir.resolve("manifest.json") + " does not read as Manifest").hasMessageContaining("'totals'")
        .hasMessageEndingWith("run build again to rewrite it");
  }

  /** A build summary whose crawled strings (a math domain, a URL pattern, a benchmark name, a config value) are {@code payload}. */
  static BuildSummary build(String payload) throws Exception {
    return build(payload, new Iterated("m", "iterations/iter-1/model.bin", new Iterated.TokenRatesUsed("t", 0.25, 0.5, 10, 0),
        LoopSummaries.loop(0.5, LoopSummaries.iteration(1, 5, 5, payload, payload))).json());
  }

  /** The same, with {@code iterate} as the iterate stage's summary. */
  static BuildSummary build(String payload, ObjectNode iterate) {
    ExtractSummary extract = new ExtractSummary("extract", "x/1", "out", "t", 1, 1, Map.of("response", 10L, "corrupt", 0L), 8,
        Map.of("delimited", 3L), 2, Map.of("en", 9L), Map.of(), new ExtractSummary.Accounting(10, 10, true, List.of()), Map.of(), "fp");
    DecontamReport decontam = new DecontamReport("decontam", 10, 0, 0, 10, "drop", List.of(new DecontamReport.Benchmark(payload, "question", 1, 1, 0, 0,
        0, 0)), "idx", "in", "out", "t", 1, 4, 3, 1, Map.of());
    Map<String, BuildSummary.Stage> stages = new LinkedHashMap<>();
    stages.put("extract", new BuildSummary.Stage(false, 1, extract.json()));
    stages.put("iterate", new BuildSummary.Stage(false, 1, iterate));
    stages.put("decontam", new BuildSummary.Stage(false, 1, decontam.json()));
    return new BuildSummary("build", "out", "2026-11-23T00:00:00Z", 3, new BuildSummary.Funnel(1, 10, 9, 8,
        List.of(new BuildSummary.Collected(1, 5, 500, 5)), 5, 4, 3, 3, 300), Map.of("classify/not_collected", 7L),
        new BuildSummary.Accounting(10, 10, true), stages, "x/1", Map.of("export.tokenizer", payload), "abc");
  }

  /** A manifest of one corpus file, with {@code payload} as a WARC file's name and a config value. */
  static Manifest manifest(String payload) {
    return new Manifest(Manifest.FORMAT, "2026-11-23T00:00:00Z", "corpus",
        new Manifest.Schema("corpus", 1, List.of(new Manifest.ColumnDoc("doc_id", "binary", "The id."))),
        List.of(new Manifest.CorpusFileEntry("corpus/part-00000-0000.parquet", 3, 300, 1000, "ab", 0, 0, "a", "b")), new Manifest.Totals(1, 3, 300,
        1000, 1), new Manifest.Tokenizer("t", "1", "none"), "x/1", new Manifest.Classifier("m", 1, 0.5), "dev", "abc", Map.of("k", payload),
        new Manifest.InputFiles(List.of(new Manifest.WarcFile(payload, payload, true, 10, 0)), List.of(), List.of(), List.of()));
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

package io.mathsieve.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.jobs.build.BuildSummary;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.extract.ExtractSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report renders crawled strings as text, never as markup, wherever they appear. */
class RunReportTest {
  static final String SCRIPT = "<script>alert('pwned')</script>";
  static final String IMG = "<img src=x onerror=\"alert(1)\">";
  static final String BREAKOUT = "</pre></section><svg onload=alert(2)>";

  @Test
  void crawledPayloadsAppearAsTextNotMarkup() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String payload = SCRIPT + IMG + BREAKOUT;
    ReportData d = new ReportData(build(payload), json.readTree("{\"totals\": {\"files\": 1}, \"tokenizer\": {\"name\": \"t\"}}"),
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

  /** A build summary whose crawled strings (a math domain, a URL pattern, a benchmark name, a config value) are {@code payload}. */
  static BuildSummary build(String payload) throws Exception {
    ObjectNode iterate = (ObjectNode) new ObjectMapper().readTree("""
        {"model_version": "m", "token_rates": {"tokenizer": "t"},
         "iterations": [{"iteration": 1, "threshold": 0.5, "collected_pages": 5, "new_pages": 5, "new_share": 1.0,
           "score_histogram_20": [1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10],
           "top_math_domains": [{"domain": "PAYLOAD", "pages": 2, "collected": 1}], "accepted_patterns": ["PAYLOAD"],
           "stopped": "continuing"}]}
        """.replace("PAYLOAD", payload.replace("\\", "\\\\").replace("\"", "\\\"")));
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

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

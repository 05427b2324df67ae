package io.mathsieve.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
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
    JsonNode run = json.readTree("""
        {"started": "2026-11-23T00:00:00Z", "duration_seconds": 3, "config_fingerprint": "abc",
         "funnel": {"response_records": 10, "pages_extracted": 9, "pages_after_url_exact_dedup": 8,
                    "collected_per_iteration": [{"iteration": 1, "pages": 5}], "collected": 5, "after_near_dedup": 4,
                    "after_decontam": 3, "corpus_rows": 3, "corpus_tokens": 300},
         "rejections": {"classify/not_collected": 7},
         "accounting": {"balanced": true},
         "stages": {
           "iterate": {"summary": {"model_version": "m", "token_rates": {"tokenizer": "t"},
             "iterations": [{"iteration": 1, "threshold": 0.5, "collected_pages": 5, "new_pages": 5, "new_share": 1.0,
               "score_histogram_20": [1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10],
               "top_math_domains": [{"domain": "PAYLOAD", "pages": 2, "collected": 1}], "accepted_patterns": ["PAYLOAD"],
               "stopped": "continuing"}]}},
           "extract": {"summary": {"formulas": {"delimited": 3}, "languages": {"en": 9}}},
           "decontam": {"summary": {"ngram": 10, "mode": "drop", "removed": 1, "documents": 4,
             "benchmarks": [{"benchmark": "PAYLOAD", "items_indexed": 1}]}}},
         "config": {"export.tokenizer": "PAYLOAD"}}
        """.replace("PAYLOAD", payload.replace("\\", "\\\\").replace("\"", "\\\"")));
    ReportData d = new ReportData(run, json.readTree("{\"totals\": {\"files\": 1}, \"tokenizer\": {\"name\": \"t\"}}"),
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

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

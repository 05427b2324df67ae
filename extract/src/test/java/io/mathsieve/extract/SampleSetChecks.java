package io.mathsieve.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcInput;
import io.mathsieve.extract.prefilter.MathPrefilter;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.HtmlPage;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reads every record of a sample set and checks it against the generator's manifest: the outcome
 * of each response record, every formula kept as LaTeX exactly once, no boilerplate left, charsets
 * decoded right, record counts per file. Run on a fresh set ({@link GeneratedSamplesTest}) and on
 * the set committed under samples/ ({@link CommittedSamplesTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleSetChecks {
  final Map<String, String> outcomes = new HashMap<>();
  final Map<String, TextDocument> docs = new HashMap<>();
  final Map<String, WarcFileStats> stats = new HashMap<>();
  final List<JsonNode> manifest = new ArrayList<>();
  final Map<String, HtmlPage> pages = new HashMap<>();
  int responseRecords;

  /** The directory holding warc/ and manifest.jsonl. */
  abstract Path samples() throws Exception;

  @BeforeAll
  void readAll() throws Exception {
    Path dir = samples();
    PageExtractor extractor = new PageExtractor(ExtractConfig.defaults());
    List<Path> files;
    try (var list = Files.list(dir.resolve("warc"))) {
      files = list.sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(file, name), WarcConfig.defaults())) {
        for (WarcItem item; (item = r.next()) != null; ) {
          if (item.isFileStats()) {
            stats.put(name, item.fileStats());
          } else if (item.isRejection()) {
            outcomes.put(name + "@" + item.rejection().warcOffset(), item.rejection().key());
          } else {
            FilterResult<TextDocument> result = extractor.extract(item.page());
            String key = name + "@" + item.page().warcOffset();
            pages.put(key, item.page());
            if (result instanceof FilterResult.Keep<TextDocument> k) {
              outcomes.put(key, "page");
              docs.put(key, k.value());
            } else if (result instanceof FilterResult.Drop<TextDocument> d) {
              outcomes.put(key, d.reason().key());
            }
          }
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("manifest.jsonl"))) {
      JsonNode m = json.readTree(line);
      manifest.add(m);
      if (m.has("url")) {
        responseRecords++;
      }
    }
  }

  // The math prefilter lets every math page through (recall first) and stops most of the others.
  @Test
  void thePrefilterPassesEveryMathPage() {
    MathPrefilter prefilter = MathPrefilter.shared();
    int math = 0;
    int other = 0;
    int otherPassed = 0;
    for (JsonNode m : manifest) {
      HtmlPage page = m.has("url") ? pages.get(m.get("warc_file").asText() + "@" + m.get("offset").asLong()) : null;
      byte[] body = page == null ? null : page.body();
      if (body == null || !m.get("expect").asText().equals("page")) {
        continue;
      }
      // Pages whose math is only in words (markup PLAIN, no formula) are left to the weak-sign
      // count, which may miss them: only pages with math markup or formulas must pass.
      boolean plainOnly = m.path("formulas").isEmpty() && m.path("markups").size() == 1 && m.path("markups").get(0).asText().equals("PLAIN");
      if (m.get("is_math").asBoolean() && !plainOnly) {
        math++;
        assertThat(prefilter.test(body)).as("math page %s", m.get("url")).isTrue();
      } else if (m.get("is_math").asBoolean()) {
        continue;
      } else {
        other++;
        otherPassed += prefilter.test(body) ? 1 : 0;
      }
    }
    assertThat(math).isGreaterThan(200);
    System.out.printf("prefilter: %d math pages all passed; %d of %d other pages passed%n", math, otherPassed, other);
    assertThat((double) otherPassed / other).as("share of non-math pages passed").isLessThan(0.6);
  }

  // Every response record ends as the page or the rejection the generator planned for it.
  @Test
  void everyRecordHasItsPlannedOutcome() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (JsonNode m : manifest) {
      if (!m.has("url")) {
        continue;
      }
      checked++;
      String key = m.get("warc_file").asText() + "@" + m.get("offset").asLong();
      String expected = m.get("expect").asText();
      String actual = outcomes.get(key);
      if (!expected.equals(actual)) {
        wrong.add(m.get("url").asText() + " expected " + expected + " got " + actual);
      }
    }
    assertThat(checked).isEqualTo(responseRecords).isGreaterThan(600);
    assertThat(wrong).isEmpty();
  }

  // The formulas in each math page's text are those the generator wrote: none lost, none doubled, no stray ones.
  // Compared without whitespace: the converter's spacing is checked against hand-written LaTeX in MathMlToLatexTest,
  // not against a copy of its rule in the generator.
  @Test
  void everyFormulaKeptExactlyOnce() {
    List<String> wrong = new ArrayList<>();
    int formulas = 0;
    for (JsonNode m : manifest) {
      if (!m.has("url") || !"page".equals(m.get("expect").asText()) || !m.get("is_math").asBoolean()
          || m.path("formulas_exact").asBoolean(true) == false) {
        continue;
      }
      TextDocument d = docs.get(m.get("warc_file").asText() + "@" + m.get("offset").asLong());
      Map<String, Integer> expected = new HashMap<>();
      m.get("formulas").forEach(f -> expected.merge(withoutSpaces(f.asText()), 1, Integer::sum));
      Map<String, Integer> found = new HashMap<>();
      delimitedFormulas(d.text()).forEach(f -> found.merge(withoutSpaces(f), 1, Integer::sum));
      formulas += m.get("formulas").size();
      if (!found.equals(expected)) {
        Map<String, Integer> missing = new HashMap<>(expected);
        found.forEach((k, v) -> missing.merge(k, -v, Integer::sum));
        missing.values().removeIf(v -> v == 0);
        wrong.add(m.get("url").asText() + ": expected minus found " + missing);
      }
    }
    assertThat(formulas).isGreaterThan(1000);
    assertThat(wrong).isEmpty();
  }

  // Pages without math have no formulas, though shops show "$19.99" and docs show "$HOME/bin:$PATH".
  @Test
  void noFormulasInPagesWithoutMath() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (JsonNode m : manifest) {
      if (m.has("url") && "page".equals(m.get("expect").asText()) && !m.get("is_math").asBoolean()) {
        TextDocument d = docs.get(m.get("warc_file").asText() + "@" + m.get("offset").asLong());
        checked++;
        if (d.formulas().total() != 0) {
          wrong.add(d.url() + " " + d.formulas());
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
    assertThat(wrong).isEmpty();
  }

  private static final List<String> CHROME_MARKERS = List.of("We use cookies", "About us", "Popular posts",
      "Subscribe to our newsletter", "Share on Twitter", "All rights reserved", "Privacy policy", "More in this category",
      "Previous article", "gtag(");

  // No string that only occurs in page chrome survives extraction.
  @Test
  void boilerplateIsGone() {
    List<String> leaked = new ArrayList<>();
    for (TextDocument d : docs.values()) {
      for (String marker : CHROME_MARKERS) {
        if (d.text().contains(marker)) {
          leaked.add(d.url() + ": " + marker);
        }
      }
    }
    assertThat(leaked).isEmpty();
  }

  // The generator's chrome carries class names ("cookie-banner", "sidebar") that the boilerplate word list knows, so the
  // check above could pass on the list alone. Here every class and id is taken off first: the chrome must go by what
  // it is (its tags, its links, where it stands), not by what the generator called it. The cookie banner is the
  // exception: a bare div with a sentence, a link and a button has nothing else to tell it by (real banners carry
  // class or id names, which the check above covers).
  @Test
  void boilerplateIsGoneWithoutClassOrIdHints() {
    PageExtractor extractor = new PageExtractor(ExtractConfig.defaults());
    List<String> leaked = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, TextDocument> e : docs.entrySet()) {
      HtmlPage page = pages.get(e.getKey());
      String html = new String(page.body(), StandardCharsets.UTF_8);
      if (!html.contains("We use cookies")) {
        continue;
      }
      checked++;
      byte[] bare = CLASS_OR_ID.matcher(html).replaceAll("").getBytes(StandardCharsets.UTF_8);
      TextDocument d = e.getValue();
      HtmlPage stripped = new HtmlPage(page.url(), page.host(), page.warcFile(), page.warcOffset(), page.recordId(),
          page.fetchTime(), page.contentType(), page.httpStatus(), bare, page.bodyTruncated());
      if (extractor.extract(stripped) instanceof FilterResult.Keep<TextDocument> k) {
        for (String marker : CHROME_MARKERS) {
          if (!marker.equals("We use cookies") && k.value().text().contains(marker)) {
            leaked.add(d.url() + ": " + marker);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
    assertThat(leaked).isEmpty();
  }

  private static final Pattern CLASS_OR_ID = Pattern.compile("\\s(?:class|id)=\"[^\"]*\"");

  // Pages with wrong, missing or BOM charsets decode to the text they were written in.
  @Test
  void charsetsDecodedRight() {
    int checked = 0;
    for (JsonNode m : manifest) {
      if (m.has("text_contains")) {
        TextDocument d = docs.get(m.get("warc_file").asText() + "@" + m.get("offset").asLong());
        assertThat(d).as(m.get("url").asText()).isNotNull();
        assertThat(d.text()).as(m.get("note").asText()).contains(m.get("text_contains").asText());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5);
  }

  // Per-file record counts match what was written, by type.
  @Test
  void fileStatsCountEveryRecord() {
    for (JsonNode m : manifest) {
      if (m.has("file_summary")) {
        WarcFileStats s = stats.get(m.get("file_summary").asText());
        long corruptInFile = outcomes.entrySet().stream()
            .filter(e -> e.getKey().startsWith(m.get("file_summary").asText() + "@") && e.getValue().equals("warc/corrupt_record")).count();
        assertThat(s.response() + s.corrupt()).as(s.file()).isEqualTo(m.get("response").asLong() + 0);
        assertThat(s.corrupt()).isEqualTo(corruptInFile);
        assertThat(s.request()).isEqualTo(m.get("request").asLong());
        assertThat(s.revisit()).isEqualTo(m.get("revisit").asLong());
        assertThat(s.warcinfo()).isEqualTo(1);
      }
    }
  }

  // Chinese pages are identified as Chinese, English math pages as English.
  @Test
  void languagesIdentified() {
    for (JsonNode m : manifest) {
      if (m.has("url") && "page".equals(m.get("expect").asText()) && m.get("layout").asText().matches("FORUM|NEWS|BLOG|LECTURE_NOTES|JOURNAL|WIKI")) {
        TextDocument d = docs.get(m.get("warc_file").asText() + "@" + m.get("offset").asLong());
        assertThat(d.lang()).as(d.url() + "\n" + d.text()).isEqualTo(m.get("lang").asText());
      }
    }
  }

  /** Every delimited formula in {@code text}, with its delimiters, in order. */
  private static String withoutSpaces(String formula) {
    return formula.replaceAll("\\s+", "");
  }

  static List<String> delimitedFormulas(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = -1;
      if (text.startsWith("$$", i)) {
        end = text.indexOf("$$", i + 2) + 2;
      } else if (text.startsWith("\\(", i)) {
        end = text.indexOf("\\)", i + 2) + 2;
      } else if (text.startsWith("\\[", i)) {
        end = text.indexOf("\\]", i + 2) + 2;
      } else if (text.charAt(i) == '$' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
        for (int j = i + 1; j < text.length(); j++) {
          if (text.charAt(j) == '\\') {
            j++;
          } else if (text.charAt(j) == '$') {
            boolean closes = !Character.isWhitespace(text.charAt(j - 1)) && !(j + 1 < text.length() && Character.isDigit(text.charAt(j + 1)));
            end = closes ? j + 1 : -1;
            break;
          }
        }
      }
      if (end > i) {
        out.add(text.substring(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  static int occurrences(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}

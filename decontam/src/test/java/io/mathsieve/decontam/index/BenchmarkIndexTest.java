package io.mathsieve.decontam.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.config.Settings;
import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.DecontamReason;
import io.mathsieve.decontam.benchmarks.BenchmarkItem;
import io.mathsieve.decontam.index.BenchmarkIndex.Match;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DeepSeekMath rule on hand-written items and documents, a comment per case. */
class BenchmarkIndexTest {
  static final String GSM_Q = "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. "
      + "How many clips did Natalia sell altogether in April and May?";
  static final String GSM_A = "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether in April and May.\n#### 72";
  static final String MATH_P = "Let $f(x) = \\frac{3x^2 + 2}{x - 1}$. Find $\\lim_{x \\to \\infty} \\frac{f(x)}{x}$.";
  static final String MATH_S = "Dividing, $\\frac{f(x)}{x} = \\frac{3x^2 + 2}{x^2 - x}$, which tends to $\\boxed{3}$ as $x \\to \\infty$.";
  static final String CMATH_Q = "一个长方形的长是8厘米，宽是5厘米，这个长方形的面积是多少平方厘米？";

  static final List<BenchmarkItem> ITEMS = List.of(
      new BenchmarkItem("gsm8k", "test.jsonl:1", List.of(GSM_Q + "\n" + GSM_A, GSM_Q + "\n" + GSM_A.replaceAll("<<[^>]*>>", ""))),
      new BenchmarkItem("math", "test.jsonl:1", List.of(MATH_P + "\n" + MATH_S)),
      new BenchmarkItem("cmath", "test.jsonl:1", List.of(CMATH_Q + "\n40")),
      new BenchmarkItem("mmlu", "test.csv:1", List.of("What is 7 times 8?")),
      new BenchmarkItem("mmlu", "test.csv:2", List.of("Yes")));

  static final BenchmarkIndex INDEX = BenchmarkIndex.build(ITEMS, DecontamConfig.defaults());

  static Match find(String doc) {
    return INDEX.scanner().find(doc);
  }

  // A page quoting the question word for word.
  @Test
  void plantedQuestion() {
    Match m = find("Homework help! My teacher asked: Natalia sold clips to 48 of her friends in April, and then she sold half as many. Any ideas?");
    assertThat(m.benchmark()).isEqualTo("gsm8k");
    assertThat(m.itemId()).isEqualTo("test.jsonl:1");
    assertThat(m.reason()).isEqualTo(DecontamReason.NGRAM);
  }

  // A page with the solution only, without the calculator annotations of the published answer.
  @Test
  void plantedSolution() {
    assertThat(find("Solution: Natalia sold 48/2 = 24 clips in May. Natalia sold 48+24 = 72 clips altogether.")).isNotNull();
  }

  // A page whose only shared 10-gram spans the end of the question and the start of the answer.
  @Test
  void ngramSpanningQuestionAndAnswer() {
    Match m = find("in April and May? Natalia sold 48/2 = 24 clips");
    assertThat(m).isNotNull();
    assertThat(BenchmarkIndex.matchedText("in April and May? Natalia sold 48/2 = 24 clips", m)).isEqualTo("in april and may natalia sold 48 / 2 =");
  }

  // An item shorter than 10 tokens is matched as a whole sequence, but not in part.
  @Test
  void shortItemMatchedExactly() {
    Match m = find("Quick quiz: what is 7 times 8? Answer below.");
    assertThat(m.reason()).isEqualTo(DecontamReason.EXACT);
    assertThat(m.itemId()).isEqualTo("test.csv:1");
    assertThat(find("What is 7 times 9? Answer below.")).isNull();
    assertThat(find("Yes, of course.")).as("items under 3 tokens are not indexed").isNull();
  }

  // The question re-wrapped into short lines (a <br> every few words), with different case and punctuation.
  @Test
  void rewrappedItem() {
    assertThat(find("NATALIA SOLD CLIPS\nto 48 of her\nfriends in\nApril — and then\nshe sold half as many clips")).isNotNull();
  }

  // Chinese is matched by characters: 10 consecutive characters of the CMATH item.
  @Test
  void chineseItem() {
    Match m = find("今天的数学题：一个长方形的长是8厘米，宽是5厘米，求面积。");
    assertThat(m.benchmark()).isEqualTo("cmath");
    assertThat(find("一个正方形的边长是8厘米，周长是多少？")).isNull();
  }

  // A near miss: the same story with numbers and names changed shares no 10-gram.
  @Test
  void nearMissDoesNotMatch() {
    assertThat(find("Maria sold pens to 36 of her classmates in June, and then she sold a third as many pens in July. "
        + "How many pens did Maria sell altogether in June and July?")).isNull();
  }

  // A LaTeX-heavy item matches through its commands and braces, even re-delimited with \( \) instead of $.
  @Test
  void latexHeavyItem() {
    Match m = find("Exercise 4. Let \\(f(x) = \\frac{3x^2 + 2}{x - 1}\\). Find the limit.");
    assertThat(m.benchmark()).isEqualTo("math");
    assertThat(find("Let $f(y) = \\frac{3y^2 + 2}{y - 1}$ and $g(x) = \\sqrt{x}$.")).as("a variable renamed throughout").isNull();
  }

  @Test
  void cleanTextIsClean() {
    assertThat(find("The weather in Springfield was sunny all week, and the market was busy on Saturday morning.")).isNull();
    assertThat(find("")).isNull();
  }

  // n = 13 (GPT-3, FineMath) is stricter: a 10-token overlap no longer matches.
  @Test
  void configurableN() {
    BenchmarkIndex thirteen = BenchmarkIndex.build(ITEMS, DecontamConfig.from(Settings.of(Map.of("decontam.ngram", "13"), "test")));
    assertThat(thirteen.scanner().find("in April and May? Natalia sold 48/2 = 24 clips")).isNull();
    assertThat(thirteen.scanner().find(GSM_Q)).isNotNull();
  }

  // Counts per benchmark: items, long, short, skipped (mmlu's "Yes" is one token), n-grams.
  @Test
  void benchmarkInfo() {
    assertThat(INDEX.benchmarks()).contains(new BenchmarkIndex.BenchmarkInfo("mmlu", 2, 0, 1, 1, 0, ""));
    assertThat(INDEX.benchmarks()).filteredOn(b -> b.name().equals("gsm8k"))
        .extracting(BenchmarkIndex.BenchmarkInfo::items, BenchmarkIndex.BenchmarkInfo::longItems, BenchmarkIndex.BenchmarkInfo::skippedItems)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, 0));
  }

  // Short sequences are matched whole for the item and its first field (the question), not for a
  // later field alone: an answer such as "x = 0" or "does not exist" is on countless clean pages.
  @Test
  void shortAnswersAreNotMatchedAlone() {
    BenchmarkItem item = new BenchmarkItem("college", "c:1", List.of("Solve x^2 = 0 for x.\nx = 0", "Solve x^2 = 0 for x.", "x = 0"));
    BenchmarkIndex index = BenchmarkIndex.build(List.of(item), DecontamConfig.defaults());
    assertThat(index.scanner().find("So we know that x = 0 is a root of the polynomial.")).isNull();
    assertThat(index.scanner().find("Homework: Solve x^2 = 0 for x. Thanks")).isNotNull();
  }

  // Eleven tokens give two 10-grams; the same item twice adds none.
  @Test
  void ngramsCountedPerBenchmark() {
    BenchmarkItem item = new BenchmarkItem("toy", "t:1", List.of("one two three four five six seven eight nine ten eleven"));
    BenchmarkIndex index = BenchmarkIndex.build(List.of(item, new BenchmarkItem("toy", "t:2", item.texts())), DecontamConfig.defaults(),
        Map.of("toy", "question"));
    assertThat(index.benchmarks()).containsExactly(new BenchmarkIndex.BenchmarkInfo("toy", 2, 2, 0, 0, 2, "question"));
    assertThat(index.ngramCount()).isEqualTo(2);
  }

  // MMLU fill-in items hold "_ _ _ _ _ _ _ _ _ _"; a page with a blank form shares that 10-gram, but
  // an n-gram without a word (digits, symbols, blanks only) is no evidence.
  @Test
  void noEvidenceFromNonWords() {
    BenchmarkItem fill = new BenchmarkItem("mmlu", "stem.jsonl:7",
        List.of("Fill in the blank: the derivative of x squared is _ _ _ _ _ _ _ _ _ _ _ _ for every real x."));
    BenchmarkItem digits = new BenchmarkItem("arith", "a.jsonl:1", List.of("1 + 2 + 3 + 4 + 5 + 6 = 21"));
    BenchmarkIndex index = BenchmarkIndex.build(List.of(fill, digits), DecontamConfig.defaults());
    assertThat(index.scanner().find("Name: _ _ _ _ _ _ _ _ _ _ _ _ _ _ Date: _ _ _ _ _ _ _ _ _ _ _ _")).isNull();
    assertThat(index.scanner().find("Sum check: 1 + 2 + 3 + 4 + 5 + 6 = 21, as every child learns.")).isNull();
    assertThat(index.scanner().find("Quiz: the derivative of x squared is _ _ _ _ _ _ _ _ _ _ _ _ for every real x.")).isNotNull();
    assertThat(index.ignored().nonWordNgrams()).isGreaterThan(0);
  }

  // An n-gram in more than decontam.max-items-per-ngram items is the sets' boilerplate, not evidence.
  @Test
  void ngramsSharedByManyItemsAreIgnored() {
    String common = "Which of the following statements about the given function is true";
    List<BenchmarkItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      items.add(new BenchmarkItem("mmlu", "m:" + i, List.of(common + " when variable number " + i + " equals zero?")));
    }
    BenchmarkIndex index = BenchmarkIndex.build(items, DecontamConfig.defaults());
    assertThat(index.scanner().find("Exam tip: " + common + " is a question you will see.")).isNull();
    assertThat(index.scanner().find(common + " when variable number 7 equals zero?")).isNotNull();
    assertThat(index.ignored().sharedNgrams()).isGreaterThan(0);
    BenchmarkIndex lenient = BenchmarkIndex.build(items, DecontamConfig.from(Settings.of(Map.of("decontam.max-items-per-ngram", "12"), "test")));
    assertThat(lenient.scanner().find("Exam tip: " + common + " is a question you will see.")).isNotNull();
  }

  // The saved index finds what the built one finds; a file that is not an index is a one-line error.
  @Test
  void persistence() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    INDEX.write(out);
    BenchmarkIndex back = BenchmarkIndex.read(new ByteArrayInputStream(out.toByteArray()), "idx");
    assertThat(back.benchmarks()).isEqualTo(INDEX.benchmarks());
    assertThat(back.ngramCount()).isEqualTo(INDEX.ngramCount());
    assertThat(back.scanner().find("what is 7 times 8")).isEqualTo(INDEX.scanner().find("what is 7 times 8"));
    assertThat(back.scanner().find(GSM_Q)).isEqualTo(INDEX.scanner().find(GSM_Q));
    assertThatThrownBy(() -> BenchmarkIndex.read(new ByteArrayInputStream("hello".getBytes()), "x.idx"))
        .hasMessage("x.idx: not a mathsieve benchmark index (expected a file written by decontam-index)");
    // Deterministic: the same items give the same bytes, built again or read back and written again.
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    BenchmarkIndex.build(ITEMS, DecontamConfig.defaults()).write(again);
    assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    back.write(rewritten);
    assertThat(rewritten.toByteArray()).isEqualTo(out.toByteArray());
  }
}

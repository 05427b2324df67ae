package io.mathsieve.decontam.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkLoaderTest {
  @TempDir Path dir;

  Path write(String relative, String content) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  // Each published format, by its fields; the benchmark is named after its directory.
  @Test
  void publishedFormats() throws Exception {
    write("gsm8k/test.jsonl", "{\"question\": \"Q1 text\", \"answer\": \"x = <<1+1=2>>2\\n#### 2\"}\n\n{\"question\": \"Q2\", \"answer\": \"#### 3\"}\n");
    write("math/test.jsonl", "{\"problem\": \"Find $x$.\", \"solution\": \"$\\\\boxed{1}$\", \"level\": \"Level 1\"}\n");
    write("cmath/test.jsonl", "{\"id\": 1, \"question\": \"长方形\", \"golden\": \"40\"}\n");
    write("agieval/math.jsonl", "{\"passage\": null, \"question\": \"Q?\", \"options\": [\"(A)1\", \"(B)2\"], \"label\": \"A\", \"other\": {\"solution\": \"S\"}}\n");
    write("mmlu/test.jsonl", "{\"question\": \"Q?\", \"choices\": [\"a\", \"b\"], \"answer\": 0}\n");
    write("svamp/SVAMP.json", "[{\"Body\": \"B1\", \"Question\": \"Q1\", \"Answer\": 1.0}, {\"Body\": \"B2\", \"Question\": \"Q2\"}]");
    write("asdiv/asdiv.jsonl", "{\"body\": \"b\", \"question\": \"q\"}\n");
    write("minif2f/test.jsonl", "{\"name\": \"amc12\", \"informal_stmt\": \"Show that 1 = 1.\"}\n");
    write("mmlu-csv/abstract_algebra_test.csv", "\"Find, the \"\"degree\"\"\",0,1,2,3,B\nQ2,a,b,c,d,A\n");
    List<BenchmarkItem> items = BenchmarkLoader.load(List.of(dir), List.of(), null);
    assertThat(items).extracting(BenchmarkItem::benchmark)
        .containsExactly("agieval", "asdiv", "cmath", "gsm8k", "gsm8k", "math", "minif2f", "mmlu-csv", "mmlu-csv", "mmlu", "svamp", "svamp");
    BenchmarkItem gsm = items.get(3);
    assertThat(gsm.id()).isEqualTo("test.jsonl:1");
    assertThat(gsm.texts()).containsExactly("Q1 text\nx = <<1+1=2>>2\n#### 2", "Q1 text", "x = <<1+1=2>>2\n#### 2",
        "Q1 text\nx = 2\n#### 2", "x = 2\n#### 2");
    assertThat(items.get(4).id()).as("blank lines keep line numbers").isEqualTo("test.jsonl:3");
    assertThat(items.get(0).texts()).containsExactly("Q?\n(A)1\n(B)2\nS", "Q?");
    assertThat(items.get(7).texts().get(0)).isEqualTo("Find, the \"degree\"\n0\n1\n2\n3");
    assertThat(items.get(10).id()).isEqualTo("SVAMP.json:1");
    assertThat(items.get(6).texts().get(0)).isEqualTo("Show that 1 = 1.");
  }

  // The generic loader reads the fields the user names.
  @Test
  void genericFields() throws Exception {
    Path f = write("mine/items.jsonl", "{\"prompt\": \"P\", \"completion\": \"C\", \"other\": \"x\"}\n");
    assertThat(BenchmarkLoader.load(List.of(f), List.of("prompt", "completion"), null).get(0).texts()).containsExactly("P\nC", "P", "C");
  }

  // Unreadable data is an error naming file and line; what is merely unusual is read or reported.
  @Test
  void badFiles() throws Exception {
    Path notJson = write("a/test.jsonl", "{\"question\": \"q\", \"answer\": \"a\"}\nthis is not json\n");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(notJson), List.of(), null))
        .isInstanceOf(BenchmarkFileException.class).hasMessageStartingWith(notJson + ":2: not valid JSON (");
    Path empty = write("b/test.jsonl", "\n\n");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(empty), List.of(), null)).hasMessage(empty + ": no benchmark items in " + empty + " (no records)");
    Path unknown = write("c/data.jsonl", "{\"foo\": 1}\n");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(unknown), List.of(), null))
        .hasMessage(unknown + ": no benchmark items in " + unknown + " (no text in any field of its 1 records)");
    Files.createDirectories(dir.resolve("nothing"));
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(dir.resolve("nothing")), List.of(), null)).hasMessage(dir.resolve("nothing") + ": no benchmark files (*.jsonl, *.json, *.csv, *.parquet, *.lean, *.thy)");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(), List.of(), null)).hasMessage("no benchmark files given");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(dir.resolve("nope")), List.of(), null))
        .hasMessage(dir.resolve("nope") + ": benchmark path does not exist");
  }

  // A record lacking a field of its layout is used with what it has.
  @Test
  void missingFieldUsesWhatIsThere() throws Exception {
    Path f = write("gsm8k/test.jsonl", "{\"question\": \"How many apples are left in the basket?\", \"answer\": \"#### 3\"}\n"
        + "{\"question\": \"How many pears are left on the tree?\"}\n");
    List<BenchmarkItem> items = BenchmarkLoader.load(List.of(f), List.of(), null);
    assertThat(items).hasSize(2);
    assertThat(items.get(1).texts()).containsExactly("How many pears are left on the tree?");
  }

  // Qwen2.5-Math's olympiadbench: question, context, final_answer (a list), solution (a list); ids and subfields are not text.
  @Test
  void olympiadbenchLayout() throws Exception {
    Path f = write("olympiadbench/test.jsonl", "{\"id\": 1606, \"subfield\": \"Number Theory\", \"context\": null, \"question\": \"Xenia and Sergey"
        + " play the following game.\", \"solution\": [\"Sergey can determine the number in two moves.\"], \"final_answer\": [\"2\"],"
        + " \"is_multiple_answer\": false, \"unit\": null, \"answer_type\": \"Numerical\", \"error\": null}\n");
    BenchmarkLoader.Loaded l = BenchmarkLoader.loadAll(List.of(f), List.of(), null, false);
    assertThat(l.items().get(0).texts().get(0)).isEqualTo("Xenia and Sergey play the following game.\nSergey can determine the number in two moves.");
    assertThat(l.files().get(0).fields()).containsExactly("question", "solution");
  }

  // MAWPS as Qwen2.5-Math publishes it: input and a numeric target.
  @Test
  void mawpsLayout() throws Exception {
    Path f = write("mawps/addsub.jsonl", "{\"input\":\"Joan found 70 seashells on the beach . She gave Sam some of her seashells .\",\"target\":43.0}\n");
    BenchmarkLoader.Loaded l = BenchmarkLoader.loadAll(List.of(dir), List.of(), null, false);
    assertThat(l.items()).extracting(BenchmarkItem::benchmark).containsExactly("mawps");
    assertThat(l.items().get(0).texts()).containsExactly("Joan found 70 seashells on the beach . She gave Sam some of her seashells .");
    assertThat(l.files().get(0).fields()).containsExactly("input");
    assertThat(f).exists();
  }

  // gaokao2023en holds two layouts in one file (the second with an empty answer and more
  // bookkeeping): each record is read by its own fields, and the file reports both layouts.
  @Test
  void twoLayoutsInOneFile() throws Exception {
    Path f = write("gaokao2023en/test.jsonl", "{\"source\": \"2023BJ_2023年新高考北京卷-数学/01Q.en\", \"question\": \"Given sets M and N, find"
        + " the intersection of M and N.\", \"lang\": \"en\", \"answer\": \"x < 1\"}\n"
        + "{\"source\": \"part1.en_zh.json\", \"sourcename\": \"HMMT2023General\", \"question\": \"An entry in a grid is called a saddle point.\","
        + " \"id\": \"HMMT2023General_9\", \"lang\": \"en\", \"answer\": \"\"}\n");
    BenchmarkLoader.Loaded l = BenchmarkLoader.loadAll(List.of(f), List.of(), null, false);
    assertThat(l.items()).hasSize(2);
    assertThat(l.items().get(0).texts().get(0)).isEqualTo("Given sets M and N, find the intersection of M and N.\nx < 1");
    assertThat(l.items().get(1).texts()).containsExactly("An entry in a grid is called a saddle point.");
    assertThat(l.files().get(0).layouts()).hasSize(2).startsWith("GSM8K");
  }

  // miniF2F: Lean theorem statements (up to :=, proofs left out) and the informal statements, one JSON object per file.
  @Test
  void minif2fLeanAndInformal() throws Exception {
    write("minif2f/lean/src/test.lean", "import minif2f_import\n\nopen_locale nat\n\ntheorem mathd_algebra_478\n  (b h v : ℝ)\n  (h₀ : 0 < b ∧ 0 < h ∧ 0 < v)\n"
        + "  (h₁ : v = 1 / 3 * (b * h)) :\n  v = 65 :=\nbegin\n  norm_num,\nend\n\ntheorem amc12_2001_p5 :\n  finset.card (finset.range 10) = 10 :=\nbegin\n  sorry\nend\n");
    write("minif2f/informal/test/aime_1983_p1.json", "{\"problem_name\": \"aime_1983_p1\",\n \"informal_statement\": \"Let $x$, $y$ and $z$ all exceed $1$."
        + " Find $\\\\log_z w$.\",\n \"informal_proof\": \"Convert everything to exponential forms.\"\n}\n");
    BenchmarkLoader.Loaded l = BenchmarkLoader.loadAll(List.of(dir), List.of(), null, false);
    assertThat(l.items()).extracting(BenchmarkItem::benchmark, BenchmarkItem::id).containsExactly(
        org.assertj.core.groups.Tuple.tuple("minif2f/informal", "aime_1983_p1.json:1"),
        org.assertj.core.groups.Tuple.tuple("minif2f/lean", "test.lean:5"),
        org.assertj.core.groups.Tuple.tuple("minif2f/lean", "test.lean:14"));
    assertThat(l.items().get(1).texts()).containsExactly("theorem mathd_algebra_478\n  (b h v : ℝ)\n  (h₀ : 0 < b ∧ 0 < h ∧ 0 < v)\n"
        + "  (h₁ : v = 1 / 3 * (b * h)) :\n  v = 65");
    assertThat(l.items().get(0).texts().get(0)).startsWith("Let $x$, $y$ and $z$ all exceed $1$.").endsWith("exponential forms.");
  }

  // A CSV with a header row naming its fields; a README and a script beside the data are reported as skipped.
  @Test
  void headerCsvAndSkippedFiles() throws Exception {
    write("quiz/test.csv", "id,question,answer\n7,\"What is the sum of the first ten odd numbers?\",100\n");
    write("quiz/README.md", "# Quiz\n");
    write("quiz/convert.py", "print(1)\n");
    BenchmarkLoader.Loaded l = BenchmarkLoader.loadAll(List.of(dir), List.of(), null, false);
    assertThat(l.items()).hasSize(1);
    assertThat(l.items().get(0).texts()).as("question and answer, as GSM8K's layout; the id is not text")
        .containsExactly("What is the sum of the first ten odd numbers?\n100", "What is the sum of the first ten odd numbers?", "100");
    assertThat(l.files()).filteredOn(r -> r.skipped() != null).extracting(r -> r.file().getFileName().toString(), BenchmarkLoader.FileReport::skipped)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("README.md", "not a benchmark file"),
            org.assertj.core.groups.Tuple.tuple("convert.py", "not a benchmark file"));
    assertThatThrownBy(() -> BenchmarkLoader.loadAll(List.of(dir), List.of(), null, true)).hasMessageContaining("not a benchmark file");
  }

  // --strict: a record of no known layout is an error naming file, line and fields.
  @Test
  void strictRejectsUnknownLayouts() throws Exception {
    Path f = write("mine/items.jsonl", "{\"prompt\": \"Compute the area of the unit circle.\", \"completion\": \"pi\"}\n");
    assertThat(BenchmarkLoader.load(List.of(f), List.of(), null)).hasSize(1);
    assertThatThrownBy(() -> BenchmarkLoader.loadAll(List.of(f), List.of(), null, true))
        .hasMessage(f + ":1: unknown benchmark layout (fields [prompt, completion]); name the text fields with --field");
  }

  // Text fields: strings that read as text; never ids, urls, labels, numbers or option letters.
  @Test
  void textFieldRules() {
    assertThat(TextFields.readsAsText("How many apples?")).isTrue();
    assertThat(TextFields.readsAsText("妈咪买了3盒茶叶")).as("four CJK characters").isTrue();
    assertThat(TextFields.readsAsText("A")).isFalse();
    assertThat(TextFields.readsAsText("43.0")).isFalse();
    assertThat(TextFields.readsAsText("(3,4]")).isFalse();
    assertThat(TextFields.readsAsText("2023BJ_2023/01Q.en")).isFalse();
  }
}

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

  // Bad files: one line naming the file and line, and what was expected.
  @Test
  void badFiles() throws Exception {
    Path notJson = write("a/test.jsonl", "{\"question\": \"q\", \"answer\": \"a\"}\nthis is not json\n");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(notJson), List.of(), null))
        .isInstanceOf(BenchmarkFileException.class).hasMessageStartingWith(notJson + ":2: not valid JSON (");
    Path missing = write("gsm8k/test.jsonl", "{\"question\": \"q\", \"answer\": \"a\"}\n{\"question\": \"q2\"}\n");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(missing), List.of(), null))
        .hasMessage(missing + ":2: expected field 'answer' (GSM8K format, fields question, answer), got fields [question]");
    Path empty = write("b/test.jsonl", "\n\n");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(empty), List.of(), null)).hasMessage(empty + ": no benchmark items in the file");
    Path unknown = write("c/data.jsonl", "{\"foo\": 1}\n");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(unknown), List.of(), null))
        .hasMessage(unknown + ":1: unknown benchmark format (fields [foo]); name the text fields with --field");
    Files.createDirectories(dir.resolve("nothing"));
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(dir.resolve("nothing")), List.of(), null))
        .hasMessage(dir.resolve("nothing") + ": no benchmark files (*.jsonl, *.json, *.csv, *.parquet)");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(), List.of(), null)).hasMessage("no benchmark files given");
    assertThatThrownBy(() -> BenchmarkLoader.load(List.of(dir.resolve("nope")), List.of(), null))
        .hasMessage(dir.resolve("nope") + ": benchmark path does not exist");
  }
}

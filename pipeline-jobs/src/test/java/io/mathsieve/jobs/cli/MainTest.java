package io.mathsieve.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each mistake a user can make gives one line saying what and where, and exit code 2. */
class MainTest {
  @TempDir Path dir;

  record Result(int code, String err, String out) {}

  static Result run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out));
    try {
      int code = cli.execute(args);
      return new Result(code, err.toString(), out.toString());
    } finally {
      System.setOut(oldOut);
    }
  }

  @Test
  void helpListsCommands() {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("demo", "samples", "extract", "docs");
  }

  @Test
  void missingInput() {
    Result r = run("extract", "--input", dir.resolve("nope").toString(), "--output", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mathsieve: input " + dir.resolve("nope") + " does not exist");
  }

  @Test
  void aReportNeedsAFinishedBuild() throws Exception {
    Files.createDirectories(dir.resolve("half"));
    Result r = run("report", "--run", dir.resolve("half").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mathsieve: " + dir.resolve("half").toAbsolutePath() + " holds no finished build (no run.json); run build first");
  }

  // A run.json the build summary does not read (here one from a version whose funnel had no
  // warc_files) is a one-line error naming the file and the field, not a report of zeros.
  @Test
  void aReportOfARunJsonThatDoesNotReadNamesTheField() throws Exception {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("run.json"), "{\"command\": \"build\", \"output\": \"o\", \"started\": \"t\", \"duration_seconds\": 1,"
        + " \"funnel\": {\"response_records\": 1}, \"rejections\": {}, \"accounting\": {}, \"stages\": {}, \"extractor_version\": \"x\","
        + " \"config\": {}, \"config_fingerprint\": \"f\"}");
    Result r = run("report", "--run", old.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("mathsieve: " + old.resolve("run.json").toAbsolutePath() + " does not read as BuildSummary")
        .contains("'warc_files'").endsWith("run build again to rewrite it").doesNotContain("\n");
  }

  @Test
  void inputWithoutWarcFiles() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    Result r = run("extract", "--input", dir.resolve("empty").toString(), "--output", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mathsieve: input " + dir.resolve("empty") + " holds no WARC or ARC files (*.warc, *.warc.gz, *.arc, *.arc.gz)");
  }

  // Files under an input directory that are not read are reported once each; --strict makes that an error.
  @Test
  void skippedInputFilesAreReported() throws Exception {
    Path in = Files.createDirectories(dir.resolve("mixed"));
    Files.writeString(in.resolve("README.md"), "# crawl notes\n");
    Files.writeString(in.resolve("CC-MAIN-1.warc.wet.gz"), "x");
    PrintStream oldErr = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(stderr, true));
    Result r;
    try {
      r = run("extract", "--input", in.toString(), "--output", dir.resolve("out-mixed").toString());
    } finally {
      System.setErr(oldErr);
    }
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mathsieve: input " + in + " holds no WARC or ARC files (*.warc, *.warc.gz, *.arc, *.arc.gz)");
    assertThat(stderr.toString()).contains("skipped " + in.resolve("CC-MAIN-1.warc.wet.gz") + ": a WET file").contains("skipped " + in.resolve("README.md") + ": not a WARC or ARC file");
    Result strict = run("extract", "--strict", "--input", in.toString(), "--output", dir.resolve("out-strict").toString());
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.err().strip()).startsWith("mathsieve: input " + in.resolve("CC-MAIN-1.warc.wet.gz") + ": a WET file");
  }

  @Test
  void outputNotEmptyWithoutOverwrite() throws Exception {
    Path warc = Files.write(dir.resolve("a.warc.gz"), new byte[0]);
    Files.createDirectories(dir.resolve("out/pages"));
    Result r = run("extract", "--input", warc.toString(), "--output", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("mathsieve: output " + dir.resolve("out/pages") + " already exists; pass --overwrite to replace it, or choose another --output");
  }

  @Test
  void unknownConfigKey() throws Exception {
    Path warc = Files.write(dir.resolve("a.warc.gz"), new byte[0]);
    Path conf = Files.writeString(dir.resolve("run.conf"), "# mine\nextract.max-dom-dept = 100\n");
    Result r = run("extract", "--input", warc.toString(), "--output", dir.resolve("out").toString(), "--config", conf.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("mathsieve: " + conf + ":2: unknown config key 'extract.max-dom-dept' (did you mean 'extract.max-dom-depth'?)");
  }

  @Test
  void badConfigValue() throws Exception {
    Path warc = Files.write(dir.resolve("a.warc.gz"), new byte[0]);
    Result r = run("extract", "--input", warc.toString(), "--output", dir.resolve("out").toString(), "--set", "extract.link-density=2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mathsieve: --set: extract.link-density = '2' must be between 0 and 1");
  }

  @Test
  void dedupWithoutPagesStore() throws Exception {
    Files.createDirectories(dir.resolve("run"));
    Result r = run("dedup", "--input", dir.resolve("nope").toString(), "--output", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("mathsieve: pages store " + dir.resolve("nope") + " does not exist; run extract first");
    Result noStore = run("dedup", "--pages", dir.resolve("run").toString(), "--output", dir.resolve("out").toString());
    assertThat(noStore.err().strip())
        .isEqualTo("mathsieve: " + dir.resolve("run") + " holds no pages/ and no Parquet files: not a pages store; run extract first");
    Result bad = run("dedup", "--input", dir.resolve("run").toString(), "--output", dir.resolve("out").toString(), "--bands", "0");
    assertThat(bad.err().strip()).isEqualTo("mathsieve: --bands: dedup.near.bands = '0' must be between 1 and 1024");
  }

  @Test
  void badBenchmarkFile() throws Exception {
    Path f = Files.writeString(dir.resolve("gsm8k.jsonl"), "{\"question\": \"q\", \"answer\": \"a\"}\n{oops\n");
    Result r = run("decontam-index", "--benchmarks", f.toString(), "--output", dir.resolve("x.idx").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("mathsieve: " + f + ":2: not valid JSON (");
    Files.createDirectories(dir.resolve("empty"));
    Result empty = run("decontam-index", "--benchmarks", dir.resolve("empty").toString(), "--output", dir.resolve("x.idx").toString());
    assertThat(empty.err().strip()).isEqualTo("mathsieve: " + dir.resolve("empty") + ": no benchmark files (*.jsonl, *.json, *.csv, *.parquet, *.lean, *.thy)");
  }

  // Classifier inputs: a seed without text, an empty seed, a model that is not fastText, a zero budget.
  @Test
  void classifierInputErrors() throws Exception {
    Files.createDirectories(dir.resolve("run/pages"));
    Path noText = Files.writeString(dir.resolve("seed.jsonl"), "{\"url\": \"https://a.org\", \"content\": \"x\"}\n");
    Result r = run("iterate", "--pages", dir.resolve("run").toString(), "--seed", noText.toString(), "--workdir", dir.resolve("w").toString());
    assertThat(r.err().strip()).isEqualTo("mathsieve: " + noText + ":1: expected a 'text' field (an OpenWebMath-style seed document)");
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
    r = run("iterate", "--pages", dir.resolve("run").toString(), "--seed", empty.toString(), "--workdir", dir.resolve("w").toString());
    assertThat(r.err().strip()).isEqualTo("mathsieve: seed " + empty + " holds no documents");
    r = run("iterate", "--pages", dir.resolve("run").toString(), "--seed", noText.toString(), "--workdir", dir.resolve("w").toString(),
        "--budget-tokens", "0");
    assertThat(r.err().strip()).isEqualTo("mathsieve: --budget-tokens must be positive, got 0");
    Path model = Files.writeString(dir.resolve("model.bin"), "not a model");
    r = run("score", "--pages", dir.resolve("run").toString(), "--model", model.toString(), "--output", dir.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mathsieve: " + model + ": not a fastText model (expected a .bin or .ftz file written by fastText)");
  }

  // build checks everything it can before the first job: inputs, seed, benchmarks, tokenizer, output.
  @Test
  void buildInputErrors() throws Exception {
    Path warc = Path.of("..", "samples", "warc").toAbsolutePath();
    Path seed = Path.of("..", "samples", "seed", "openwebmath-sample.jsonl").toAbsolutePath();
    Path benchmarks = Path.of("..", "samples", "benchmarks").toAbsolutePath();
    String out = dir.resolve("b").toString();
    Result r = run("build", "--input", warc.toString(), "--seed", seed.toString(), "--benchmarks", dir.resolve("nope").toString(), "--output", out);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mathsieve: --benchmarks " + dir.resolve("nope") + " does not exist");

    Path badBench = Files.writeString(dir.resolve("gsm8k.jsonl"), "{\"question\": \"q\", \"answer\": \"a\"}\n{oops\n");
    r = run("build", "--input", warc.toString(), "--seed", seed.toString(), "--benchmarks", badBench.toString(), "--output", out);
    assertThat(r.err().strip()).startsWith("mathsieve: " + badBench + ":2: not valid JSON (");

    r = run("build", "--input", warc.toString(), "--seed", seed.toString(), "--benchmarks", benchmarks.toString(), "--output", out, "--set",
        "export.tokenizer=/no/such/tokenizer.json");
    assertThat(r.err().strip()).isEqualTo(
        "mathsieve: export.tokenizer: /no/such/tokenizer.json is not 'deepseek-v3', 'hf:ORG/NAME' or an existing tokenizer.json file");

    Path noText = Files.writeString(dir.resolve("seed.jsonl"), "{\"url\": \"https://a.org\", \"content\": \"x\"}\n");
    r = run("build", "--input", warc.toString(), "--seed", noText.toString(), "--benchmarks", benchmarks.toString(), "--output", out);
    assertThat(r.err().strip()).isEqualTo("mathsieve: " + noText + ":1: expected a 'text' field (an OpenWebMath-style seed document)");

    // A directory stands for its seed files, and a file cannot be given as both seed and negatives.
    Path seedDir = seed.getParent();
    r = run("build", "--input", warc.toString(), "--seed", seedDir.toString(), "--negatives", seed.toString(), "--benchmarks", benchmarks.toString(),
        "--output", out);
    assertThat(r.err().strip()).isEqualTo("mathsieve: --seed and --negatives both give " + seed + ": a file cannot be positives and negatives");
    Path emptyDir = Files.createDirectories(dir.resolve("no-seed-files"));
    Files.writeString(emptyDir.resolve("notes.md"), "not a seed");
    r = run("build", "--input", warc.toString(), "--seed", emptyDir.toString(), "--benchmarks", benchmarks.toString(), "--output", out);
    assertThat(r.err().strip()).isEqualTo("mathsieve: --seed " + emptyDir + " is a directory with no .parquet, .jsonl, .json, .txt file");
    r = run("build", "--input", warc.toString(), "--seed", seed.toString(), "--negatives", dir.resolve("nope.jsonl").toString(), "--benchmarks",
        benchmarks.toString(), "--output", out);
    assertThat(r.err().strip()).isEqualTo("mathsieve: --negatives " + dir.resolve("nope.jsonl") + " does not exist");
    r = run("build", "--input", warc.toString(), "--seed", seed.toString(), "--negatives", noText.toString(), "--benchmarks", benchmarks.toString(),
        "--output", out);
    assertThat(r.err().strip()).isEqualTo("mathsieve: " + noText + ":1: expected a 'text' field (an OpenWebMath-style document)");
    Path patterns = Files.writeString(dir.resolve("patterns.txt"), "example.org/math\n");
    r = run("build", "--input", warc.toString(), "--seed", seed.toString(), "--negatives", patterns.toString(), "--benchmarks", benchmarks.toString(),
        "--output", out);
    assertThat(r.err().strip()).isEqualTo("mathsieve: negatives " + patterns + ": expected .jsonl or .parquet (a 'text' column)");

    Files.createDirectories(dir.resolve("full"));
    Files.writeString(dir.resolve("full/notes.txt"), "mine");
    r = run("build", "--input", warc.toString(), "--seed", seed.toString(), "--benchmarks", benchmarks.toString(), "--output",
        dir.resolve("full").toString());
    assertThat(r.err().strip()).isEqualTo("mathsieve: output " + dir.resolve("full")
        + " is not empty and holds no earlier build (no stages/ in it); choose an empty or new --output");
    assertThat(dir.resolve("full/notes.txt")).exists();
  }

  @Test
  void unknownOptionAndCommand() {
    assertThat(run("extract", "--inptu", "x").code()).isEqualTo(2);
    Result r = run("frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument").contains("mathsieve --help");
  }
}

package io.mathsieve.jobs.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.bench.eval.ExtractEvaluation;
import io.mathsieve.bench.eval.ExtractEvaluation.Failure;
import io.mathsieve.bench.eval.ExtractEvaluation.KindCount;
import io.mathsieve.bench.eval.LabelledPages;
import io.mathsieve.jobs.run.RunSummary;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.source.InputResolver;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mathsieve eval extract}: extraction on labelled real pages, against floors. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every HTML page of the WARC files through the extractor the extract job uses and prints: pages in and out, the",
      "empty-text rate over pages with >= 500 chars of visible text, math pages lost, formulas kept per kind (tex.tsv) and",
      "pages with every formula kept, main-text precision/recall/F1 with the article-extraction benchmark's metric, and",
      "pages per CPU-second. Writes OUTPUT/eval-extract.json, OUTPUT/failures.tsv (url, problem, what was lost) and",
      "OUTPUT/aeb-prediction.json (the extracted main texts in the benchmark's format, for its evaluate.py).",
      "With --check, exits 1 when a figure is below its floor.",
      "",
      "  mathsieve eval extract --realdata ../shared/realdata --check"
    })
public final class EvalExtractCommand implements Callable<Integer> {
  @Mixin RealPagesOptions pages;

  @Option(names = "--tex", paramLabel = "TSV", description = "url, kind, tex: the formulas of the math pages (default: REALDATA/tex.tsv if present).")
  Path tex;

  @Option(names = "--aeb", paramLabel = "JSON", description = "Main-text ground truth by url (default: REALDATA/aeb/ground-truth.json if present).")
  Path aeb;

  @Mixin EvalResults results;

  @Option(names = "--max-empty-rate", paramLabel = "R", description = "Floor: empty-text rate at most (default ${DEFAULT-VALUE}).")
  double maxEmptyRate = 0.005;

  @Option(names = "--min-tex", paramLabel = "R", description = "Floor: formulas kept overall at least (default ${DEFAULT-VALUE}).")
  double minTex = 0.99;

  @Option(names = "--min-tex-kind", paramLabel = "R", description = "Floor: formulas kept of every kind at least (default ${DEFAULT-VALUE}).")
  double minTexKind = 0.97;

  @Option(names = "--min-f1", paramLabel = "R", description = "Floor: main-text F1 at least (default ${DEFAULT-VALUE}).")
  double minF1 = 0.96;

  @Option(names = "--min-precision", paramLabel = "R", description = "Floor: main-text precision at least (default ${DEFAULT-VALUE}).")
  double minPrecision = 0.94;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Path labelsTsv = pages.labels("eval extract");
    Optional<Path> texTsv = optional(tex, "tex.tsv");
    Optional<Path> truth = optional(aeb, "aeb/ground-truth.json");
    List<String> in = pages.inputs("eval extract");
    List<Path> warcs = InputResolver.resolve(in).stream().map(s -> Path.of(s.location())).toList();
    LabelledPages set;
    try {
      set = LabelledPages.load(labelsTsv, texTsv, truth);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Path output = results.dir();
    Path failuresFile = output.resolve("failures.tsv");
    ExtractEvaluation.Result r;
    try (BufferedWriter failures = Files.newBufferedWriter(failuresFile, StandardCharsets.UTF_8)) {
      failures.write("url\tproblem\tdetail\n");
      r = ExtractEvaluation.run(warcs, set, common.config().extract(), (Failure f) -> {
        try {
          failures.write(f.url() + "\t" + f.problem() + "\t" + f.detail().replace('\t', ' ').replace('\n', ' ') + "\n");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "pages in %d, out %d (%d not in the labels)%n", r.pagesIn(), r.pagesOut(), r.unlabelled()));
    s.append(String.format(Locale.ROOT, "empty text: %d of %d pages with >= %d visible chars (%.2f%%)%s%n", r.visibleLost(), r.visiblePages(),
        ExtractEvaluation.VISIBLE_CHARS, 100 * r.emptyRate(), results.floor("empty-text rate", r.emptyRate() <= maxEmptyRate, "<= " + maxEmptyRate)));
    s.append(String.format(Locale.ROOT, "math pages lost: %d of %d%s%n", r.mathLost(), r.mathPages(), results.floor("math pages lost", r.mathLost() == 0, "0")));
    if (texTsv.isPresent()) {
      s.append(String.format(Locale.ROOT, "formulas kept: %.4f (%d of %d)%s; pages with every formula kept: %d%n", r.texOverall().share(),
          r.texOverall().kept(), r.texOverall().total(), results.floor("formulas kept", r.texOverall().share() >= minTex, ">= " + minTex), r.mathPagesAllKept()));
      for (Map.Entry<String, KindCount> e : r.tex().entrySet()) {
        s.append(String.format(Locale.ROOT, "  %-8s %.4f (%d of %d)%s%n", e.getKey(), e.getValue().share(), e.getValue().kept(), e.getValue().total(),
            results.floor("formulas kept (" + e.getKey() + ")", e.getValue().share() >= minTexKind, ">= " + minTexKind)));
      }
    }
    if (truth.isPresent()) {
      s.append(String.format(Locale.ROOT, "main text (%d pages, %d empty): F1 %.4f%s, precision %.4f%s, recall %.4f%n", r.mainText().pages(), r.mainTextEmpty(),
          r.mainText().f1(), results.floor("main-text F1", r.mainText().f1() >= minF1, ">= " + minF1), r.mainText().precision(),
          results.floor("main-text precision", r.mainText().precision() >= minPrecision, ">= " + minPrecision), r.mainText().recall()));
    }
    s.append(String.format(Locale.ROOT, "speed: %.0f pages per CPU-second of extraction (%.2f s)%n", r.pagesPerCpuSecond(), r.cpuSeconds()));
    System.out.print(s);
    System.out.println("failures: " + failuresFile);

    ObjectNode json = RunSummary.json().createObjectNode();
    json.put("machine", BenchCommand.machine());
    json.putArray("inputs").addAll(warcs.stream().map(p -> json.textNode(p.toString())).toList());
    json.put("pages_in", r.pagesIn()).put("pages_out", r.pagesOut()).put("unlabelled", r.unlabelled());
    json.put("visible_pages", r.visiblePages()).put("visible_lost", r.visibleLost()).put("empty_rate", r.emptyRate());
    json.put("math_pages", r.mathPages()).put("math_lost", r.mathLost());
    ObjectNode t = json.putObject("tex");
    t.put("overall", r.texOverall().share()).put("total", r.texOverall().total()).put("kept", r.texOverall().kept()).put("pages_all_kept", r.mathPagesAllKept());
    r.tex().forEach((k, v) -> t.putObject(k).put("share", v.share()).put("total", v.total()).put("kept", v.kept()));
    json.putObject("main_text").put("pages", r.mainText().pages()).put("empty", r.mainTextEmpty()).put("f1", r.mainText().f1())
        .put("precision", r.mainText().precision()).put("recall", r.mainText().recall());
    json.put("cpu_seconds", r.cpuSeconds()).put("pages_per_cpu_second", r.pagesPerCpuSecond());
    System.out.println("results:  " + results.write(json));
    if (truth.isPresent()) {
      // The benchmark's own prediction format, for its evaluate.py: {key: {"articleBody": text}}.
      ObjectNode predictions = RunSummary.json().createObjectNode();
      r.mainTextPredictions().forEach((k, v) -> predictions.putObject(k).put("articleBody", v));
      RunSummary.json().writeValue(output.resolve("aeb-prediction.json").toFile(), predictions);
    }
    return results.exitCode();
  }

  private Optional<Path> optional(Path given, String inRealdata) {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new UserError(given + ": no such file");
      }
      return Optional.of(given);
    }
    Path p = pages.inRealdata(inRealdata);
    if (p != null && Files.isRegularFile(p)) {
      return Optional.of(p);
    }
    return Optional.empty();
  }
}

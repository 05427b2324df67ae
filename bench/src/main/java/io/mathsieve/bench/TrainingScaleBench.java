package io.mathsieve.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.ClassifierTraining;
import io.mathsieve.classifiers.math.MathLabels;
import io.mathsieve.classifiers.math.MathSignals;
import io.mathsieve.classifiers.math.MathTextNormalizer;
import io.mathsieve.classifiers.math.TrainingPlan;
import io.mathsieve.config.Settings;
import io.mathsieve.extract.math.TexDelimiters;
import io.mathsieve.samples.SeedCorpus;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The classifier at DeepSeekMath's scale: generates {@code count} math and {@code count} non-math
 * documents, writes them as training lines the way the train job does (same normaliser, same math
 * signals of a text seed), and trains and validates with the configured settings, DeepSeekMath's
 * by default. Reports the {@link TrainingPlan} (a seed this large must keep the paper's epochs),
 * the held-out validation, CPU and wall time, and the model's size.
 */
public final class TrainingScaleBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainingScaleBench() {}

  /** Runs the benchmark in {@code work}; {@code settings} may override classifier keys. */
  public static ObjectNode run(int count, Path work, Settings settings, Consumer<String> log) throws IOException {
    Files.createDirectories(work);
    Path math = work.resolve("math.jsonl");
    Path other = work.resolve("other.jsonl");
    log.accept(String.format(Locale.ROOT, "bench: generating %,d math and %,d non-math documents ...", count, count));
    SeedCorpus.writeTrainingSet(math, other, count, 2402_03300L);

    ClassifierConfig c = ClassifierConfig.from(settings);
    Path examples = work.resolve("examples.txt");
    double t0 = CpuClock.process();
    long w0 = System.nanoTime();
    long[] written = lines(math, other, examples, c);
    double linesCpu = CpuClock.process() - t0;
    log.accept(String.format(Locale.ROOT, "bench: %,d training lines (%,d tokens) written in %.1f s CPU", written[0], written[1], linesCpu));

    log.accept("bench: training and validating with " + c.values() + " ...");
    double t1 = CpuClock.process();
    long w1 = System.nanoTime();
    ClassifierTraining.Result r = ClassifierTraining.run(examples, work.resolve("model"), c);
    double trainCpu = CpuClock.process() - t1;
    double trainWall = (System.nanoTime() - w1) / 1e9;
    TrainingPlan plan = r.card().plan();
    long modelBytes = Files.size(r.model().file());
    log.accept(String.format(Locale.ROOT, "bench: trained %d epochs (%s) over %,d examples, %,d tokens: %.0f s wall, %.0f s CPU, %,.0f tokens x epochs"
            + " per CPU second; model %,d MB; validation: %s", plan.epoch(), plan.reason(), plan.examples(), plan.tokens(), trainWall, trainCpu,
        (double) plan.tokens() * plan.epoch() / trainCpu, modelBytes >> 20, r.card().scores().summary()));

    ObjectNode out = JSON.createObjectNode();
    out.put("documents_per_class", count);
    out.put("training_lines", written[0]);
    out.put("training_tokens", written[1]);
    out.put("lines_cpu_s", linesCpu);
    ObjectNode cfg = out.putObject("classifier");
    c.values().forEach(cfg::put);
    out.set("plan", JSON.valueToTree(plan));
    out.put("paper_epochs_kept", plan.epoch() == c.epoch());
    out.put("train_wall_s", trainWall);
    out.put("train_cpu_s", trainCpu);
    out.put("token_epochs_per_cpu_s", (double) plan.tokens() * plan.epoch() / trainCpu);
    out.put("model_bytes", modelBytes);
    out.set("validation", JSON.valueToTree(r.card().fastText()));
    if (r.card().combined() != null) {
      out.set("validation_combined", JSON.valueToTree(r.card().combined()));
    }
    out.put("wall_s", (System.nanoTime() - w0) / 1e9);
    return out;
  }

  /** Math and other rows alternately as labelled training lines; returns lines and tokens written. */
  private static long[] lines(Path math, Path other, Path out, ClassifierConfig c) throws IOException {
    MathTextNormalizer n = new MathTextNormalizer(c.maxChars());
    long lines = 0;
    long tokens = 0;
    try (BufferedReader m = Files.newBufferedReader(math, StandardCharsets.UTF_8);
        BufferedReader o = Files.newBufferedReader(other, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      String a = m.readLine();
      String b = o.readLine();
      while (a != null || b != null) {
        for (String row : new String[] {a, b}) {
          if (row == null || row.isBlank()) {
            continue;
          }
          String text = JSON.readTree(row).path("text").asText();
          String line = MathTextNormalizer.input(n, text, MathSignals.ofText(TexDelimiters.count(text)), c.signals());
          if (!line.isEmpty()) {
            w.write(row == a ? MathLabels.MATH : MathLabels.OTHER);
            w.write(' ');
            w.write(line);
            w.newLine();
            lines++;
            tokens += ClassifierTraining.words(line);
          }
        }
        a = m.readLine();
        b = o.readLine();
      }
    }
    return new long[] {lines, tokens};
  }

}

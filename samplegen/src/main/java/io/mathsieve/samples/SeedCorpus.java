package io.mathsieve.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.samples.TextForge.FormulaSlot;
import io.mathsieve.samples.TextForge.Part;
import io.mathsieve.samples.TextForge.Text;
import io.mathsieve.samples.TextForge.Topic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifier's starting material for the samples: an OpenWebMath-shaped seed of LaTeX-heavy
 * math text ({@code url}, {@code text}, {@code date}, {@code metadata}) from hosts outside the
 * samples, and "random crawl" negatives, non-math web text; and {@code labels.tsv} marking every
 * sample URL math or other, for precision and recall.
 */
public final class SeedCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SeedCorpus() {}

  private static final Topic[] TOPICS = {Topic.NEWS, Topic.SHOP, Topic.RECIPE, Topic.SPORTS, Topic.DOCS, Topic.TRAVEL};

  static void write(Path dir, Rng rng, List<java.util.Map<String, Object>> manifest) {
    List<String> seed = new ArrayList<>();
    List<String> negatives = new ArrayList<>();
    try {
      for (int i = 0; i < 240; i++) {
        seed.add(JSON.writeValueAsString(mathDoc(rng, i)));
      }
      for (int i = 0; i < 240; i++) {
        negatives.add(JSON.writeValueAsString(otherDoc(rng, i)));
      }
      Files.createDirectories(dir.resolve("seed"));
      Files.writeString(dir.resolve("seed/openwebmath-sample.jsonl"), String.join("\n", seed) + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("negatives.jsonl"), String.join("\n", negatives) + "\n", StandardCharsets.UTF_8);
      StringBuilder labels = new StringBuilder("# url<TAB>label for every generated page that becomes a page\n");
      for (java.util.Map<String, Object> m : manifest) {
        if ("page".equals(m.get("expect"))) {
          labels.append(m.get("url")).append('\t').append(Boolean.TRUE.equals(m.get("is_math")) ? "math" : "other").append('\n');
        }
      }
      Files.writeString(dir.resolve("labels.tsv"), labels.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code count} seed documents and {@code count} negatives as JSONL, streamed (a
   * DeepSeekMath-scale training set of 100k + 100k documents is about 0.5 GB): the classifier's
   * training-scale benchmark.
   */
  public static void writeTrainingSet(Path math, Path other, int count, long seed) {
    Rng rng = new Rng(seed);
    try (BufferedWriter m = Files.newBufferedWriter(math, StandardCharsets.UTF_8);
        BufferedWriter o = Files.newBufferedWriter(other, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        m.write(JSON.writeValueAsString(mathDoc(rng, i)));
        m.newLine();
        o.write(JSON.writeValueAsString(otherDoc(rng, i)));
        o.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An OpenWebMath-shaped row: paragraphs of math prose with inline TeX. */
  private static ObjectNode mathDoc(Rng rng, int i) {
    StringBuilder text = new StringBuilder();
    for (int p = rng.between(3, 6); p > 0; p--) {
      for (Part part : TextForge.mathParagraph(rng, rng.between(3, 6), 0.6, false, (r, display) -> {
        MathNode tree = MathForge.tree(r);
        return r.chance(0.5) ? new FormulaSlot(tree.latex(), tree, display) : new FormulaSlot(r.pick(MathForge.HANDWRITTEN), null, display);
      })) {
        text.append(part instanceof Text t ? t.text() : "$" + ((FormulaSlot) part).latex() + "$");
      }
      text.append("\n\n");
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("url", "https://" + rng.pick("math-archive", "proofwiki-mirror", "lecture-notes", "mathforum") + ".owm-seed.example/doc/" + i);
    n.put("date", "2023-0" + rng.between(1, 9) + "-1" + rng.between(0, 9));
    n.put("text", text.toString().strip());
    n.putObject("metadata").put("extraction_info", "openwebmath-style sample");
    return n;
  }

  /** A "random crawl" row: non-math web prose, a sixth of it Chinese, as the crawl is multilingual. */
  private static ObjectNode otherDoc(Rng rng, int i) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", "https://random-crawl.example/page/" + i);
    StringBuilder text = new StringBuilder();
    boolean chinese = i % 6 == 5;
    for (int p = rng.between(3, 6); p > 0; p--) {
      if (chinese) {
        for (int k = rng.between(3, 6); k > 0; k--) {
          text.append(TextForge.chineseSentence(rng));
        }
        text.append("\n\n");
      } else {
        text.append(TextForge.paragraph(TOPICS[rng.between(0, TOPICS.length - 1)], rng, rng.between(3, 6))).append("\n\n");
      }
    }
    n.put("text", text.toString().strip());
    return n;
  }
}

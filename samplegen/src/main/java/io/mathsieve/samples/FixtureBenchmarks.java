package io.mathsieve.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small benchmark test sets in the published formats (GSM8K, MATH, CMATH, MMLU CSV), written by
 * hand in the style of the real ones but not copied from them, for the decontamination tests and
 * the demo. Their text is unlike every generated page, so only the pages planted with them match.
 */
final class FixtureBenchmarks {
  private FixtureBenchmarks() {}

  /** A GSM8K item: question, and an answer with calculator annotations and the final {@code ####} line. */
  record Gsm(String question, String answer) {}

  static final List<Gsm> GSM8K = List.of(
      new Gsm("Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. "
              + "She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?",
          "Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18 every day at the farmer's market.\n#### 18"),
      new Gsm("A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?",
          "It takes 2/2=<<2/2=1>>1 bolt of white fiber\nSo the total amount of fabric is 2+1=<<2+1=3>>3 bolts of fabric\n#### 3"),
      new Gsm("Josh decides to try flipping a house. He buys a house for $80,000 and then puts in $50,000 in repairs. "
              + "This increased the value of the house by 150%. How much profit did he make?",
          "The cost of the house and repairs came out to 80,000+50,000=$<<80000+50000=130000>>130,000\nHe increased the value of the house by "
              + "80,000*1.5=<<80000*1.5=120000>>120,000\nSo the new value of the house is 120,000+80,000=$<<120000+80000=200000>>200,000\n"
              + "So he made a profit of 200,000-130,000=$<<200000-130000=70000>>70,000\n#### 70000"),
      new Gsm("James decides to run 3 sprints 3 times a week. He runs 60 meters each sprint. How many total meters does he run a week?",
          "He sprints 3*3=<<3*3=9>>9 times\nSo he runs 9*60=<<9*60=540>>540 meters\n#### 540"),
      new Gsm("Every day, Wendi feeds each of her chickens three cups of mixed chicken feed, containing seeds, mealworms and vegetables to help keep them "
              + "healthy. She gives the chickens their feed in three separate meals. In the morning, she gives her flock of chickens 15 cups of feed. "
              + "In the afternoon, she gives her chickens another 25 cups of feed. How many cups of feed does she need to give her chickens in the final "
              + "meal of the day if the size of Wendi's flock is 20 chickens?",
          "If each chicken eats 3 cups of feed per day, then for 20 chickens they would need 3*20=<<3*20=60>>60 cups of feed per day.\n"
              + "If she feeds the flock 15 cups of feed in the morning, and 25 cups in the afternoon, then the final meal would require "
              + "60-15-25=<<60-15-25=20>>20 cups of chicken feed.\n#### 20"),
      new Gsm("Kylar went to the store to buy glasses for his new apartment. One glass costs $5, but every second glass costs only 60% of the price. "
              + "Kylar wants to buy 16 glasses. How much does he need to pay for them?",
          "The discount price of one glass is 60/100 * 5 = $<<60/100*5=3>>3.\nIf every second glass is cheaper, that means Kylar is going to buy "
              + "16 / 2 = <<16/2=8>>8 cheaper glasses.\nSo for the cheaper glasses, Kylar is going to pay 8 * 3 = $<<8*3=24>>24.\n"
              + "And for the regular-priced glasses, Kylar will pay 8 * 5 = $<<8*5=40>>40.\nSo in total Kylar needs to pay 24 + 40 = $<<24+40=64>>64 "
              + "for the glasses he wants to buy.\n#### 64"),
      new Gsm("Toulouse has twice as many sheep as Charleston. Charleston has 4 times as many sheep as Seattle. How many sheep do Toulouse, Charleston, "
              + "and Seattle have together if Seattle has 20 sheep?",
          "If Seattle has 20 sheep, Charleston has 4 * 20 sheep = <<20*4=80>>80 sheep\nToulouse has twice as many sheep as Charleston, which is "
              + "2 * 80 sheep = <<2*80=160>>160 sheep\nTogether, the three has 20 sheep + 160 sheep + 80 sheep = <<20+160+80=260>>260 sheep\n#### 260"),
      new Gsm("Carla is downloading a 200 GB file. Normally she can download 2 GB/minute, but 40% of the way through the download, Windows forces a "
              + "restart to install updates, which takes 20 minutes. Then Carla has to restart the download from the beginning. "
              + "How load does it take to download the file?",
          "First find how many gigabytes are in 40% of the file: 200 GB * 40% = <<200*40*.01=80>>80 GB\nThen divide that number by the download rate to "
              + "find the time until Windows restarts: 80 GB / 2 GB/minute = <<80/2=40>>40 minutes\nThen find the time to download the whole file after "
              + "the restart: 200 GB / 2 GB/minute = <<200/2=100>>100 minutes\nThen add the time to download 40% of the file, to download 100% of the "
              + "file, and to wait for Windows to update: 40 minutes + 100 minutes + 20 minutes = <<40+100+20=160>>160 minutes\n#### 160"));

  /** A MATH item: problem and solution, LaTeX throughout. */
  record MathItem(String problem, String solution, String level, String type) {}

  static final List<MathItem> MATH = List.of(
      new MathItem("How many vertical asymptotes does the graph of $y=\\frac{2}{x^2+x-6}$ have?",
          "The denominator of the rational function factors into $x^2+x-6=(x-2)(x+3)$. Since the numerator is always nonzero, there is a vertical "
              + "asymptote whenever the denominator is $0$, which occurs for $x = 2$ and $x = -3$. Therefore, the graph has $\\boxed{2}$ vertical asymptotes.",
          "Level 3", "Algebra"),
      new MathItem("What is the positive difference between $120\\%$ of 30 and $130\\%$ of 20?",
          "One hundred twenty percent of 30 is $120\\cdot30\\cdot\\frac{1}{100}=36$, and $130\\%$ of 20 is $ 130\\cdot 20\\cdot\\frac{1}{100}=26$. "
              + "The difference between 36 and 26 is $\\boxed{10}$.",
          "Level 1", "Algebra"),
      new MathItem("Find the distance between the foci of the ellipse \\[x^2 + 4y^2 = 400.\\]",
          "Dividing by $400,$ we get \\[\\frac{x^2}{20^2} + \\frac{y^2}{10^2} = 1.\\]Thus, the length of the major and minor axes are $2 \\cdot 20 = 40$ "
              + "and $2 \\cdot 10 = 20,$ respectively. Then the distance between the foci of the ellipse is $\\sqrt{40^2 - 20^2} = \\boxed{20\\sqrt3}.$",
          "Level 3", "Intermediate Algebra"),
      new MathItem("Compute $\\dbinom{16}{5}$.",
          "$\\dbinom{16}{5}=\\frac{16\\times 15\\times 14\\times 13\\times 12}{5\\times 4\\times 3\\times 2\\times 1}=\\boxed{4368}.$",
          "Level 2", "Counting & Probability"),
      new MathItem("If $\\det \\mathbf{A} = 5,$ then find $\\det (\\mathbf{A^3}).$",
          "We have that $\\det (\\mathbf{A}^3) = (\\det \\mathbf{A})^3 = \\boxed{125}.$", "Level 1", "Precalculus"),
      new MathItem("Let $f(x) = 3x^2-5$. What is the value of $f(f(1))$?",
          "Substitute $1$ for $x$ in the expression defining $f$ to find that $f(1)=3(1)^2-5=-2$. Substituting $-2$ for $x$, we find "
              + "$f(f(1))=f(-2)=3(-2)^2-5=\\boxed{7}$.",
          "Level 2", "Algebra"));

  /** A CMATH item: a Chinese question and its golden answer. */
  record Cmath(String question, String golden, String grade) {}

  static final List<Cmath> CMATH = List.of(
      new Cmath("学校买来6盒羽毛球，每盒12个，平均分给4个班，每个班分到多少个羽毛球？", "18", "3"),
      new Cmath("一块长方形菜地长15米，宽8米，它的周长是多少米？", "46", "3"),
      new Cmath("小明看一本故事书，第一天看了全书的五分之一，第二天看了全书的四分之一，两天一共看了全书的几分之几？", "9/20", "5"),
      new Cmath("一个圆形花坛的直径是10米，它的面积是多少平方米？（圆周率取3.14）", "78.5", "6"));

  /** MMLU-style rows: question, four choices, answer letter. Some questions are short. */
  static final List<String[]> MMLU = List.of(
      new String[] {"Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.", "0", "4", "2", "6", "B"},
      new String[] {"What is the smallest prime greater than 90?", "91", "93", "97", "99", "C"},
      new String[] {"Statement 1 | Every element of a group generates a cyclic subgroup of the group. Statement 2 | The symmetric group S_10 has 10 elements.",
          "True, True", "False, False", "True, False", "False, True", "C"});

  /** Items short enough for the whole-sequence rule: question and answer under 10 tokens together. */
  static final List<String[]> ARITH = List.of(new String[] {"What is 17 times 23?", "391"}, new String[] {"Compute 2 to the power 10.", "1024"});

  /** Writes the fixture benchmarks under {@code dir}: gsm8k/, math/, cmath/, mmlu/, arith/. */
  static void write(Path dir) {
    ObjectMapper json = new ObjectMapper();
    try {
      List<String> lines = new ArrayList<>();
      for (Gsm g : GSM8K) {
        ObjectNode n = json.createObjectNode();
        n.put("question", g.question());
        n.put("answer", g.answer());
        lines.add(json.writeValueAsString(n));
      }
      writeLines(dir.resolve("gsm8k/test.jsonl"), lines);
      lines.clear();
      for (MathItem m : MATH) {
        ObjectNode n = json.createObjectNode();
        n.put("problem", m.problem());
        n.put("level", m.level());
        n.put("type", m.type());
        n.put("solution", m.solution());
        lines.add(json.writeValueAsString(n));
      }
      writeLines(dir.resolve("math/test.jsonl"), lines);
      lines.clear();
      int id = 0;
      for (Cmath c : CMATH) {
        ObjectNode n = json.createObjectNode();
        n.put("id", ++id);
        n.put("grade", c.grade());
        n.put("question", c.question());
        n.put("golden", c.golden());
        lines.add(json.writeValueAsString(n));
      }
      writeLines(dir.resolve("cmath/test.jsonl"), lines);
      lines.clear();
      for (String[] row : MMLU) {
        List<String> cells = new ArrayList<>();
        for (String cell : row) {
          cells.add(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        lines.add(String.join(",", cells));
      }
      writeLines(dir.resolve("mmlu/abstract_algebra_test.csv"), lines);
      lines.clear();
      for (String[] a : ARITH) {
        ObjectNode n = json.createObjectNode();
        n.put("question", a[0]);
        n.put("answer", a[1]);
        lines.add(json.writeValueAsString(n));
      }
      writeLines(dir.resolve("arith/test.jsonl"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}

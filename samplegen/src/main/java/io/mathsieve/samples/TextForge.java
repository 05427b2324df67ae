package io.mathsieve.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random prose by topic, from sentence templates and word lists. Enough variety that two generated
 * pages share few word 5-grams (so only planted duplicates look alike), and topic vocabularies that
 * differ the way math and non-math pages do on the web.
 */
final class TextForge {

  /** What a page is about. */
  enum Topic {
    ALGEBRA, CALCULUS, NUMBER_THEORY, GEOMETRY, PROBABILITY, LINEAR_ALGEBRA,
    NEWS, SHOP, RECIPE, SPORTS, DOCS, TRAVEL, STUDY_TIPS;

    boolean isMath() {
      return ordinal() <= LINEAR_ALGEBRA.ordinal();
    }
  }

  /** A piece of a paragraph: text, or a formula to be rendered in the page's markup. */
  sealed interface Part {}

  record Text(String text) implements Part {}

  /** A formula: its LaTeX, the tree it came from when there is one (for MathML), inline or display. */
  record FormulaSlot(String latex, MathNode tree, boolean display) implements Part {}

  /** A grade-school word problem with its worked answer, GSM8K-style ({@code #### n} at the end). */
  record WordProblem(String question, String answer) {}

  private static final Map<String, List<String>> WORDS =
      Map.ofEntries(
          Map.entry("theorem", List.of("the mean value theorem", "the fundamental theorem of calculus", "the Cauchy-Schwarz inequality",
              "Fermat's little theorem", "the binomial theorem", "Bayes' theorem", "the Pythagorean theorem",
              "the intermediate value theorem", "Lagrange's theorem", "the triangle inequality", "the rank-nullity theorem",
              "the Chinese remainder theorem", "the squeeze theorem", "Euler's formula", "the law of cosines")),
          Map.entry("technique", List.of("induction on n", "contradiction", "integration by parts", "a substitution",
              "the pigeonhole principle", "completing the square", "partial fractions", "diagonalization",
              "a change of variables", "strong induction", "a counting argument", "the ratio test", "telescoping",
              "L'Hopital's rule", "symmetry", "a generating function")),
          Map.entry("object", List.of("sequence", "series", "matrix", "polynomial", "function", "prime", "triangle",
              "random variable", "group", "vector space", "eigenvalue", "derivative", "integral", "subset",
              "linear map", "circle", "quadratic form", "recurrence", "graph", "permutation")),
          Map.entry("adj", List.of("convergent", "continuous", "invertible", "irreducible", "bounded", "symmetric",
              "monotone", "differentiable", "orthogonal", "periodic", "positive definite", "finite", "countable")),
          Map.entry("field", List.of("linear algebra", "real analysis", "number theory", "combinatorics",
              "probability theory", "elementary geometry", "calculus", "abstract algebra", "topology", "statistics")),
          Map.entry("var", List.of("x", "y", "n", "k", "t", "a", "b", "m")),
          Map.entry("city", List.of("Springfield", "Riverton", "Lakeside", "Fairview", "Greenville", "Oakdale",
              "Maple Heights", "Bridgeport", "Cedar Falls", "Port Alden", "Westbrook", "Kingsford")),
          Map.entry("org", List.of("city council", "transit authority", "school board", "chamber of commerce",
              "parks department", "health agency", "water utility", "county court", "housing office")),
          Map.entry("infra", List.of("bridge", "light rail", "library", "hospital wing", "bike lane network",
              "water treatment plant", "stadium", "community center", "highway interchange")),
          Map.entry("person", List.of("Maria Lopez", "James Carter", "Aiko Tanaka", "Peter Novak", "Fatima Khan",
              "Daniel Moreau", "Grace Kim", "Samuel Osei", "Laura Becker", "Omar Haddad")),
          Map.entry("day", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
          Map.entry("issue", List.of("traffic congestion", "rising rents", "noise from the airport", "potholes",
              "a shortage of nurses", "late buses", "flooding after storms", "school overcrowding")),
          Map.entry("product", List.of("backpack", "coffee grinder", "desk lamp", "running shoe", "wool sweater",
              "phone case", "water bottle", "office chair", "blender", "rain jacket", "cookware set")),
          Map.entry("color", List.of("charcoal", "navy", "forest green", "sand", "burgundy", "white", "slate grey")),
          Map.entry("ingredient", List.of("flour", "sugar", "butter", "milk", "olive oil", "garlic", "basil",
              "brown rice", "chickpeas", "cinnamon", "lemon juice", "parmesan")),
          Map.entry("pan", List.of("baking dish", "loaf pan", "cast iron skillet", "sheet pan", "springform pan")),
          Map.entry("team", List.of("the Harbor Hawks", "the Valley Rangers", "the Northside Comets", "the River City Bears",
              "the Summit Foxes", "the Coastal Wolves", "the Metro Lions")),
          Map.entry("player", List.of("Jordan Reyes", "Chris Walker", "Malik Evans", "Tomas Silva", "Kevin Liu", "Andre Diallo")),
          Map.entry("pkg", List.of("left-pad", "fastqueue", "yaml-lite", "http-kit", "datepicker", "logline")),
          Map.entry("component", List.of("server", "scheduler", "cache", "worker pool", "router", "plugin loader")),
          Map.entry("envvar", List.of("APP_HOME", "CACHE_DIR", "LOG_LEVEL", "DATA_PATH", "API_TOKEN")),
          Map.entry("place", List.of("the old harbor", "the cathedral square", "the night market", "the botanical garden",
              "the hilltop fortress", "the river promenade")),
          Map.entry("name", List.of("Natalia", "Tom", "Priya", "Lucas", "Mei", "Janet", "Carlos", "Amara", "Ben", "Sofia")),
          Map.entry("zhcity", List.of("北京", "上海", "广州", "成都", "杭州", "武汉", "西安", "南京")),
          Map.entry("zhtheorem", List.of("勾股定理", "余弦定理", "均值不等式", "韦达定理", "数学归纳法", "导数的定义")),
          Map.entry("zhinfra", List.of("地铁线路", "图书馆", "体育中心", "高速公路", "医院")),
          Map.entry("zhdish", List.of("红烧肉", "麻婆豆腐", "宫保鸡丁", "清蒸鱼", "小笼包")));

  private static final Map<Topic, List<String>> TEMPLATES =
      Map.ofEntries(
          Map.entry(Topic.NEWS, List.of(
              "{city} officials announced on {day} that the new {infra} will open next spring.",
              "The {org} said the project had drawn more than {n} public comments since January.",
              "{person}, a spokesperson for the {org}, declined to comment on the budget.",
              "Residents of {city} have complained about {issue} for years.",
              "A report released by the {org} on {day} found that {issue} had worsened in {city}.",
              "Construction of the {infra} in {city} is expected to take {n} months.",
              "Local businesses said {issue} had cut their sales during the winter.",
              "At a meeting on {day}, members of the {org} voted to delay the decision.")),
          Map.entry(Topic.SHOP, List.of(
              "The {product} comes in {color} and ships within {n} business days.",
              "Now only ${price}, down from ${price2} for a limited time.",
              "Free shipping on all orders over $50 and free returns within 30 days.",
              "Customers who bought this {product} also viewed the {color} {product}.",
              "This {product} is made from recycled materials and weighs just {n} ounces.",
              "Add the matching {product} to your cart and save {n} percent.",
              "Rated {n} out of 5 by shoppers who praised its {color} finish.")),
          Map.entry(Topic.RECIPE, List.of(
              "Preheat the oven to {n}0 degrees and grease a {pan}.",
              "Whisk two eggs with a cup of {ingredient} until smooth.",
              "Stir in the {ingredient} and a pinch of {ingredient} and let it rest for {n} minutes.",
              "Bake for {n} minutes, until the top is golden brown.",
              "Season with {ingredient} and serve warm with crusty bread.",
              "This recipe was handed down from my grandmother in {city}.",
              "If you do not have {ingredient}, {ingredient} works just as well.")),
          Map.entry(Topic.SPORTS, List.of(
              "{team} beat {team} on {day} night in front of a sold-out crowd.",
              "{player} scored {n} points in the second half to seal the win.",
              "The coach said the team needs to tighten its defense before the playoffs.",
              "{player} missed the game with a sprained ankle and is listed as day-to-day.",
              "It was the {n}th straight home victory for {team}.",
              "Fans in {city} celebrated long after the final whistle.")),
          Map.entry(Topic.DOCS, List.of(
              "Set the {envvar} environment variable before starting the {component}.",
              "The {component} reads its settings from the configuration file at startup.",
              "Calls to the {component} return a handle that must be closed when you are done.",
              "If the {component} fails to start, check the log for a line beginning with ERROR.",
              "Version {n}.2 of {pkg} deprecates the old callback interface.",
              "Each request to the {component} is retried up to {n} times with exponential backoff.")),
          Map.entry(Topic.TRAVEL, List.of(
              "The old town of {city} is best explored on foot, starting at {place}.",
              "We spent {n} days in {city} and still did not see everything.",
              "Do not miss {place}, especially at sunset.",
              "Trains to {city} leave every hour from the central station.",
              "Our guesthouse near {place} cost about {n}0 euros a night.")),
          Map.entry(Topic.STUDY_TIPS, List.of(
              "Make a weekly study schedule and stick to it, even when the week gets busy.",
              "Sleep matters more than late-night cramming before an exam.",
              "Ask your teacher for feedback on practice tests early in the term.",
              "Study groups work best when every member prepares before the meeting.",
              "Take a short break every {n} minutes to keep your focus.",
              "Keep your notes in one place so that revision is quick before the final.")));

  private static final List<String> MATH_WITH_FORMULA =
      List.of(
          "Consider the {object} given by {F}.",
          "Substituting {var} = {n} gives {F}, which is what we wanted.",
          "By {theorem}, we have {F}.",
          "It follows that {F} for every {var} greater than {n}.",
          "Recall that a {object} is {adj} if {F}.",
          "We now show that the {object} satisfies {F}.",
          "Hint: start from {F} and use {technique}.",
          "Therefore the answer is {F}.",
          "Applying {technique} to the left-hand side yields {F}.",
          "A quick check with {var} = {n} confirms {F}.",
          "In particular, {F} holds whenever the {object} is {adj}.",
          "Combining the two estimates we obtain {F}.");

  private static final List<String> MATH_PROSE =
      List.of(
          "The proof proceeds by {technique}.",
          "This is a standard exercise in {field}.",
          "Every {adj} {object} has this property, but the converse fails.",
          "The key step is to use {theorem} in the right place.",
          "I tried {technique} but got stuck at the second step.",
          "Note that the {object} need not be {adj} in general.",
          "This argument is due to a classical result in {field}.",
          "We leave the remaining case as an exercise for the reader.",
          "The same idea works for any {adj} {object}.",
          "Is there a way to see this without {technique}?");

  private static final List<String> ZH_MATH =
      List.of(
          "已知函数 {F}，求它的导数。",
          "设 {var} 为正整数，证明 {F}。",
          "由{zhtheorem}可知 {F}。",
          "因此所求的值为 {F}。",
          "在三角形ABC中，若 {F}，求角C的大小。",
          "解方程 {F}，并写出解题过程。",
          "我们用{zhtheorem}来证明这个结论。",
          "这道题的关键是把原式化为 {F}。");

  private static final List<String> ZH_OTHER =
      List.of(
          "{zhcity}市政府近日宣布将投资建设新的{zhinfra}。",
          "据报道，本次活动共吸引了超过{n}名游客。",
          "这家餐厅的招牌菜是{zhdish}，味道非常好。",
          "周末的天气晴朗，很多市民到公园散步。",
          "记者从{zhcity}了解到，新的{zhinfra}预计明年开放。",
          "专家建议市民出行前关注交通信息。");

  private TextForge() {}

  /** One English sentence on a non-math topic (or study tips). */
  static String sentence(Topic topic, Rng rng) {
    return fill(rng.pick(TEMPLATES.get(topic)), rng);
  }

  /** A paragraph of {@code sentences} sentences on a non-math topic. */
  static String paragraph(Topic topic, Rng rng, int sentences) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      out.append(i == 0 ? "" : " ").append(sentence(topic, rng));
    }
    return out.toString();
  }

  /**
   * A math paragraph: prose sentences and sentences with formulas. {@code formulas} supplies each
   * formula (LaTeX and, for MathML pages, its tree).
   */
  static List<Part> mathParagraph(Rng rng, int sentences, double formulaShare, boolean chinese, FormulaSource formulas) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      boolean withFormula = rng.chance(formulaShare);
      String template =
          chinese ? rng.pick(withFormula ? ZH_MATH : ZH_MATH.subList(6, 7)) : rng.pick(withFormula ? MATH_WITH_FORMULA : MATH_PROSE);
      String filled = fill(template, rng);
      int at = filled.indexOf("{F}");
      String prefix = i == 0 || chinese ? "" : " ";
      if (at < 0) {
        parts.add(new Text(prefix + filled));
      } else {
        parts.add(new Text(prefix + filled.substring(0, at)));
        parts.add(formulas.next(rng, false));
        parts.add(new Text(filled.substring(at + 3)));
      }
    }
    return parts;
  }

  /** A Chinese sentence on a non-math topic. */
  static String chineseSentence(Rng rng) {
    return fill(rng.pick(ZH_OTHER), rng);
  }

  /** A word problem with its worked answer; numbers vary, so each one is distinct. */
  static WordProblem wordProblem(Rng rng) {
    String name = rng.pick(WORDS.get("name"));
    int a = rng.between(12, 95);
    int b = rng.between(3, 40);
    int c = rng.between(2, 11);
    return switch (rng.between(0, 5)) {
      case 0 -> new WordProblem(
          name + " has " + a + " marbles. " + name + " buys " + b + " more marbles and then gives " + c
              + " marbles to a friend. How many marbles does " + name + " have now?",
          name + " has " + a + " + " + b + " = " + (a + b) + " marbles after buying more. After giving some away, "
              + name + " has " + (a + b) + " - " + c + " = " + (a + b - c) + " marbles. #### " + (a + b - c));
      case 1 -> new WordProblem(
          "A train travels " + (a * c) + " kilometers in " + c + " hours at a constant speed. What is its average speed in kilometers per hour?",
          "The average speed is distance divided by time, so " + (a * c) + " / " + c + " = " + a + " kilometers per hour. #### " + a);
      case 2 -> new WordProblem(
          name + " earns $" + b + " per hour and works " + a + " hours a week. How much does " + name + " earn in " + c + " weeks?",
          "In one week " + name + " earns " + b + " * " + a + " = $" + (a * b) + ". In " + c + " weeks that is "
              + (a * b) + " * " + c + " = $" + (a * b * c) + ". #### " + (a * b * c));
      case 3 -> new WordProblem(
          "A rectangular garden is " + a + " meters long and " + b + " meters wide. What is the area of the garden in square meters?",
          "The area of a rectangle is length times width, so " + a + " * " + b + " = " + (a * b) + " square meters. #### " + (a * b));
      case 4 -> new WordProblem(
          "There are " + (c * 10) + " students in a class and " + (c * 4) + " of them are girls. What percentage of the students are boys?",
          "There are " + (c * 10) + " - " + (c * 4) + " = " + (c * 6) + " boys. That is " + (c * 6) + " / " + (c * 10)
              + " = 60 percent of the class. #### 60");
      default -> new WordProblem(
          "A bakery sells " + a + " muffins in the morning and " + b + " muffins in the afternoon. Each muffin costs $" + c
              + ". How much money does the bakery make from muffins that day?",
          "The bakery sells " + a + " + " + b + " = " + (a + b) + " muffins. At $" + c + " each, it makes " + (a + b) + " * " + c
              + " = $" + (c * (a + b)) + ". #### " + (c * (a + b)));
    };
  }

  /** Supplies the formulas of a math paragraph. */
  interface FormulaSource {
    FormulaSlot next(Rng rng, boolean display);
  }

  private static String fill(String template, Rng rng) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char ch = template.charAt(i);
      int close = ch == '{' ? template.indexOf('}', i) : -1;
      if (close > i) {
        String slot = template.substring(i + 1, close);
        out.append(slotValue(slot, rng));
        i = close + 1;
      } else {
        out.append(ch);
        i++;
      }
    }
    return out.toString();
  }

  private static String slotValue(String slot, Rng rng) {
    return switch (slot) {
      case "F" -> "{F}"; // left for the caller
      case "n" -> String.valueOf(rng.between(2, 60));
      case "price" -> rng.between(9, 199) + ".99";
      case "price2" -> rng.between(200, 400) + ".00";
      default -> {
        List<String> words = WORDS.get(slot);
        if (words == null) {
          throw new IllegalStateException("no words for slot {" + slot + "}");
        }
        yield rng.pick(words);
      }
    };
  }
}

package io.mathsieve.decontam.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * The published formats of the benchmarks mathsieve decontaminates against, by the fields that
 * hold an item's text. Fields marked required must be present in every record; the others are
 * used when present. {@code other.solution} reads a nested field; arrays (MMLU choices, AGIEval
 * options) are joined.
 */
public enum BenchmarkFormat {
  GSM8K(List.of("question", "answer"), List.of()),
  MATH(List.of("problem", "solution"), List.of()),
  CMATH(List.of("question"), List.of("golden", "answer")),
  AGIEVAL(List.of("question"), List.of("passage", "options", "answer", "other.solution")),
  MMLU(List.of("question"), List.of("choices")),
  SVAMP(List.of("Body", "Question"), List.of()),
  ASDIV(List.of("body", "question"), List.of()),
  MINIF2F(List.of(), List.of("informal_statement", "informal_stmt", "informal_proof")),
  /** Fields named by the user ({@code --field}). */
  GENERIC(List.of(), List.of());

  private final List<String> required;
  private final List<String> optional;

  BenchmarkFormat(List<String> required, List<String> optional) {
    this.required = required;
    this.optional = optional;
  }

  public List<String> required() {
    return required;
  }

  public List<String> optional() {
    return optional;
  }

  /** The benchmark's default name. */
  public String benchmarkName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format a record looks like, by its fields; null when none fits. */
  public static BenchmarkFormat detect(JsonNode r) {
    if (r.has("problem") && r.has("solution")) {
      return MATH;
    }
    if (r.has("Body") && r.has("Question")) {
      return SVAMP;
    }
    if (r.has("body") && r.has("question")) {
      return ASDIV;
    }
    if (r.has("informal_statement") || r.has("informal_stmt")) {
      return MINIF2F;
    }
    if (r.has("question") && r.has("golden")) {
      return CMATH;
    }
    if (r.has("question") && r.has("choices")) {
      return MMLU;
    }
    if (r.has("question") && (r.has("options") || r.has("passage") || r.has("other"))) {
      return AGIEVAL;
    }
    if (r.has("question") && r.has("answer")) {
      return GSM8K;
    }
    return null;
  }

  /** The format a benchmark name (a file or directory name) suggests; null when none. */
  public static BenchmarkFormat fromName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("gsm8k") || n.contains("gsm-8k")) {
      return GSM8K;
    }
    if (n.contains("cmath")) {
      return CMATH;
    }
    if (n.contains("math")) {
      return n.contains("mmlu") ? MMLU : MATH;
    }
    if (n.contains("agieval") || n.contains("gaokao") || n.contains("sat")) {
      return AGIEVAL;
    }
    if (n.contains("mmlu")) {
      return MMLU;
    }
    if (n.contains("svamp")) {
      return SVAMP;
    }
    if (n.contains("asdiv")) {
      return ASDIV;
    }
    if (n.contains("minif2f")) {
      return MINIF2F;
    }
    return null;
  }
}

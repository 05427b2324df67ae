package io.mathsieve.decontam.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The natural-language fields of a benchmark record of no known layout: string fields (and arrays
 * of strings, such as options) that read as text, one level of nesting included ({@code other.solution}).
 * Problem-like names come first ({@code question}, {@code problem}, {@code input}, {@code passage},
 * {@code statement} ...), then the rest in the record's order, so that n-grams spanning question and
 * answer are indexed as the item reads.
 *
 * <pre>{@code
 * {"id": 7, "input": "Joan found 70 seashells on the beach.", "target": 43.0}   gives  [input]
 * }</pre>
 *
 * <p>Never used: ids, urls, sources, labels and other bookkeeping by name; numbers, booleans; and
 * strings that do not read as text: fewer than two words with letters and fewer than four CJK
 * characters (an answer {@code "A"}, {@code "43"} or {@code "(3,4]"}).
 */
final class TextFields {
  /** A field used, by its (dotted) name, and its text. */
  record Field(String name, String text) {}

  private static final List<String> PREFERRED = List.of(
      "question", "problem", "input", "passage", "statement", "context", "body", "prompt", "text", "query", "instruction",
      "informal_statement", "informal_stmt", "premise", "story", "scenario");
  private static final Set<String> BOOKKEEPING = Set.of(
      "id", "idx", "uid", "uuid", "url", "urls", "link", "links", "source", "sources", "license", "type", "level", "label", "labels", "subject",
      "category", "categories", "split", "lang", "language", "data_source", "data_topic", "question_number", "problem_name", "name", "grade",
      "difficulty", "year", "unit", "answer_type", "subfield", "field", "error", "is_multiple_answer", "choice_answer", "num_digits",
      "reasoning_step", "tags", "topic", "domain", "hash", "path", "file", "filename", "date", "author", "authors", "version", "metadata");

  private TextFields() {}

  static List<Field> of(JsonNode record) {
    List<Field> first = new ArrayList<>();
    List<Field> rest = new ArrayList<>();
    collect(record, "", first, rest, 0);
    first.sort((a, b) -> Integer.compare(PREFERRED.indexOf(leaf(a.name())), PREFERRED.indexOf(leaf(b.name()))));
    List<Field> out = new ArrayList<>(first);
    out.addAll(rest);
    return out;
  }

  static boolean isPreferredName(String name) {
    return PREFERRED.contains(name.toLowerCase(Locale.ROOT));
  }

  private static void collect(JsonNode node, String prefix, List<Field> first, List<Field> rest, int depth) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (BOOKKEEPING.contains(lower) || lower.endsWith("_id") || lower.endsWith("_ids") || lower.endsWith("_url")) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isObject() && depth == 0) {
        collect(v, prefix + name + ".", first, rest, depth + 1);
        continue;
      }
      String text = text(v);
      if (text != null && readsAsText(text)) {
        (isPreferredName(lower) ? first : rest).add(new Field(prefix + name, text));
      }
    }
  }

  private static String leaf(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  /** A string, or the strings of an array joined by newlines; null for anything else. */
  private static String text(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode e : v) {
        if (e.isTextual()) {
          parts.add(e.asText());
        }
      }
      return parts.isEmpty() ? null : String.join("\n", parts);
    }
    return null;
  }

  /** At least two words with letters, or four CJK characters. */
  static boolean readsAsText(String s) {
    int words = 0;
    int cjk = 0;
    boolean inWord = false;
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord && letter) {
          words++;
        }
        inWord = false;
        letter = false;
        continue;
      }
      inWord = true;
      if (Character.isLetter(c)) {
        letter = true;
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
            || script == Character.UnicodeScript.HANGUL) {
          cjk++;
        }
      }
    }
    if (inWord && letter) {
      words++;
    }
    return words >= 2 || cjk >= 4;
  }
}

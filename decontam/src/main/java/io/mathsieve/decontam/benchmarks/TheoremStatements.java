package io.mathsieve.decontam.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The theorem statements of a formal benchmark file: Lean ({@code theorem}/{@code lemma} up to
 * {@code :=}, as miniF2F writes them in Lean 3 and Lean 4) and Isabelle ({@code theorem}/{@code lemma}
 * up to the first {@code proof}, {@code by}, {@code apply}, {@code using}, {@code unfolding},
 * {@code sorry} or {@code oops}). Proofs are left out: a page quoting the statement is what matters.
 *
 * <pre>{@code
 * theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b) : v = 65 :=
 * begin ... end
 *   gives  Statement(line 1, "theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b) : v = 65")
 * }</pre>
 */
final class TheoremStatements {
  /** One statement and the line it starts on. */
  record Statement(int line, String text) {}

  private static final Pattern START = Pattern.compile("^\\s*(?:private\\s+|protected\\s+)?(theorem|lemma)\\s", Pattern.MULTILINE);
  private static final Pattern ISABELLE_END = Pattern.compile("^\\s*(proof|by|apply|using|unfolding|sorry|oops)\\b", Pattern.MULTILINE);

  private TheoremStatements() {}

  static List<Statement> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    boolean isabelle = file.getFileName().toString().endsWith(".thy");
    List<Statement> out = new ArrayList<>();
    Matcher m = START.matcher(text);
    int searchFrom = 0;
    while (m.find(searchFrom)) {
      int start = m.start(1);
      int end;
      if (isabelle) {
        Matcher e = ISABELLE_END.matcher(text);
        end = e.find(m.end()) ? e.start() : text.length();
      } else {
        int assign = text.indexOf(":=", m.end());
        end = assign < 0 ? text.length() : assign;
      }
      String statement = text.substring(start, end).strip();
      if (!statement.isEmpty()) {
        out.add(new Statement(lineOf(text, start), statement));
      }
      searchFrom = Math.max(end, m.end());
      if (searchFrom >= text.length()) {
        break;
      }
    }
    return out;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

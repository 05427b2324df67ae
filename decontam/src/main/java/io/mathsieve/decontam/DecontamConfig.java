package io.mathsieve.decontam;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Decontamination settings, shared by the index builder and the scan.
 *
 * @param ngram n-gram length in tokens (10 as DeepSeekMath; 12 as datatrove and MegaMath; 13 as GPT-3 and FineMath)
 * @param minShortTokens items with fewer tokens than this are not indexed at all
 * @param mode {@link Mode#DROP} removes contaminated documents; {@link Mode#REPORT} only records them
 * @param maxItemsPerNgram an n-gram found in more benchmark items than this is boilerplate of the sets, not evidence
 * @param values the effective settings
 */
public record DecontamConfig(int ngram, int minShortTokens, Mode mode, int maxItemsPerNgram, Map<String, String> values) implements OptionSet, Serializable {

  /** What happens to a contaminated document. */
  public enum Mode {
    DROP,
    REPORT
  }

  public static final ConfigOption<Integer> NGRAM = ConfigOption.intOption("decontam.ngram", 10,
          "A document sharing any n-gram of this many tokens with a benchmark item is contaminated (DeepSeekMath: 10; datatrove and "
              + "MegaMath: 12; GPT-3 and FineMath: 13). Fixed when the index is built.")
      .between(3, 64);
  public static final ConfigOption<Integer> MIN_SHORT_TOKENS = ConfigOption.intOption("decontam.min-short-tokens", 3,
          "Items shorter than the n-gram but with at least this many tokens are matched as a whole sequence; shorter ones are skipped.")
      .between(1, 63);
  public static final ConfigOption<Mode> MODE = ConfigOption.enumOption("decontam.mode", Mode.class, Mode.DROP,
      "drop: remove contaminated documents (decontam/ngram, decontam/exact rejections); report: keep them and only record the matches.");

  public static final ConfigOption<Integer> MAX_ITEMS_PER_NGRAM = ConfigOption.intOption("decontam.max-items-per-ngram", 10,
          "An n-gram shared by more benchmark items than this (instructions, answer-sheet phrasing) is not indexed, as NeMo Curator's "
              + "max_matches. N-grams without a word (only digits, symbols, blanks) are never indexed. Fixed when the index is built.")
      .between(1, 1_000_000);

  public static final List<ConfigOption<?>> OPTIONS = List.of(NGRAM, MIN_SHORT_TOKENS, MODE, MAX_ITEMS_PER_NGRAM);

  public static DecontamConfig from(Settings s) {
    int n = s.get(NGRAM);
    int min = s.get(MIN_SHORT_TOKENS);
    if (min > n) {
      throw new io.mathsieve.config.ConfigException(MIN_SHORT_TOKENS.key() + " = " + min + " must not exceed " + NGRAM.key() + " = " + n);
    }
    return new DecontamConfig(n, min, s.get(MODE), s.get(MAX_ITEMS_PER_NGRAM), OptionSet.values(s, OPTIONS));
  }

  public static DecontamConfig defaults() {
    return from(Settings.empty());
  }
}

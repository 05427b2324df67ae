package io.mathsieve.classifiers.iterate;

import io.mathsieve.config.ConfigException;
import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The iterative recall loop (DeepSeekMath §2.1): how much to collect each iteration, when a domain
 * is a math domain, which URL patterns to accept, when to stop.
 *
 * @param budgetTokens collect the top pages up to this many tokens (0: use {@code threshold})
 * @param threshold collect pages scoring at least this (when no budget is given and it is set)
 * @param thresholdGiven whether {@code threshold} was set; if not, the threshold is the one chosen on the validation split
 * @param maxIterations stop after this many iterations
 * @param stopNewShare stop when an iteration's collection adds fewer than this share of new pages
 * @param grouping how pages group into domains
 * @param domainMinShare a domain is a math domain when more than this share of its pages is collected
 * @param domainMinPages and it has at least this many pages
 * @param patternMinPages a URL pattern needs at least this many pages to be accepted automatically
 * @param patternMinShare a URL pattern is accepted when at least this share of its pages is collected
 * @param patternMinScore uncollected pages under an accepted pattern join the seed only when they score at least this
 * @param negativesRatio negatives sampled from the pages store per positive
 * @param seed seed of the negative sample
 * @param values the effective settings
 */
public record IterateConfig(
    long budgetTokens, double threshold, boolean thresholdGiven, int maxIterations, double stopNewShare, Domains.Grouping grouping,
    double domainMinShare, int domainMinPages, int patternMinPages, double patternMinShare, double patternMinScore, double negativesRatio, long seed, Map<String, String> values)
    implements OptionSet, Serializable {

  public static final ConfigOption<Long> BUDGET_TOKENS = ConfigOption.longOption("iterate.budget-tokens", 0,
          "Collect the highest-scoring pages up to this many tokens each iteration (DeepSeekMath kept 40B in its first iteration). "
              + "0 collects by iterate.threshold instead.")
      .atLeast(0);
  public static final ConfigOption<Double> THRESHOLD = ConfigOption.doubleOption("iterate.threshold", 0.5,
      "Without a token budget, collect pages whose math score is at least this. When not set, each iteration collects at the threshold "
          + "with the best F1 on its validated examples (at least 0.5 for combined scores); the default applies only to a model without them.")
      .between(0, 1);
  public static final ConfigOption<Integer> MAX_ITERATIONS =
      ConfigOption.intOption("iterate.max-iterations", 4, "Stop after this many iterations (DeepSeekMath ran 4).").between(1, 100);
  public static final ConfigOption<Double> STOP_NEW_SHARE = ConfigOption.doubleOption("iterate.stop-new-share", 0.02,
      "Stop when an iteration's collection holds fewer than this share of pages not collected by the previous one.").between(0, 1);
  public static final ConfigOption<Domains.Grouping> GROUPING = ConfigOption.enumOption("iterate.domain-grouping", Domains.Grouping.class,
      Domains.Grouping.HOST, "Group pages into domains by host, or by registered domain (the label below the public suffix, from the Public Suffix List: cam.ac.uk, and each user.github.io site on its own).");
  public static final ConfigOption<Double> DOMAIN_MIN_SHARE = ConfigOption.doubleOption("iterate.domain-min-share", 0.10,
      "A domain with more than this share of its pages collected is a math domain (DeepSeekMath: 10%).").between(0, 1);
  public static final ConfigOption<Integer> DOMAIN_MIN_PAGES = ConfigOption.intOption("iterate.domain-min-pages", 5,
      "A domain needs at least this many pages in the store to be a math domain: one collected page of two says little.").atLeast(1);
  public static final ConfigOption<Integer> PATTERN_MIN_PAGES = ConfigOption.intOption("iterate.pattern-min-pages", 5,
      "A URL pattern (host/first-segment) inside a math domain needs at least this many pages to be accepted automatically.").atLeast(1);
  public static final ConfigOption<Double> PATTERN_MIN_SHARE = ConfigOption.doubleOption("iterate.pattern-min-share", 0.25,
      "A URL pattern inside a math domain is accepted when at least this share of its pages is collected; its other pages join the seed.")
      .between(0, 1);
  public static final ConfigOption<Double> PATTERN_MIN_SCORE = ConfigOption.doubleOption("iterate.pattern-min-score", 0.1,
      "Uncollected pages under an accepted pattern join the seed only if the model gives them at least this score. DeepSeekMath annotated "
          + "patterns by hand; mined patterns of mixed paths (a wiki's /wiki) would otherwise add pages the model is sure are not math.")
      .between(0, 1);
  public static final ConfigOption<Double> NEGATIVES_RATIO = ConfigOption.doubleOption("iterate.negatives-ratio", 3.0,
          "Negatives sampled uniformly from the pages store per positive. DeepSeekMath used 500k and 500k (1.0); the crawl is mostly "
              + "not math, and 3 negatives per positive show the model more of it (on real pages: precision 0.92 -> 0.97 at the same "
              + "recall). The sample leaves out seed URLs and pages of accepted patterns, but not the math pages no one has found yet: "
              + "about the crawl's math share of the negatives is math.").between(0.01, 100);
  public static final ConfigOption<Long> SEED = ConfigOption.longOption("iterate.seed", 42, "Seed of the negative sample.");

  public static final List<ConfigOption<?>> OPTIONS = List.of(BUDGET_TOKENS, THRESHOLD, MAX_ITERATIONS, STOP_NEW_SHARE, GROUPING,
      DOMAIN_MIN_SHARE, DOMAIN_MIN_PAGES, PATTERN_MIN_PAGES, PATTERN_MIN_SHARE, PATTERN_MIN_SCORE, NEGATIVES_RATIO, SEED);

  public static IterateConfig from(Settings s) {
    if (s.contains(BUDGET_TOKENS.key()) && s.contains(THRESHOLD.key()) && s.get(BUDGET_TOKENS) > 0) {
      throw new ConfigException("set iterate.budget-tokens or iterate.threshold, not both");
    }
    return new IterateConfig(s.get(BUDGET_TOKENS), s.get(THRESHOLD), s.contains(THRESHOLD.key()), s.get(MAX_ITERATIONS), s.get(STOP_NEW_SHARE),
        s.get(GROUPING), s.get(DOMAIN_MIN_SHARE), s.get(DOMAIN_MIN_PAGES), s.get(PATTERN_MIN_PAGES), s.get(PATTERN_MIN_SHARE), s.get(PATTERN_MIN_SCORE), s.get(NEGATIVES_RATIO), s.get(SEED),
        OptionSet.values(s, OPTIONS));
  }

  public static IterateConfig defaults() {
    return from(Settings.empty());
  }

  /** Whether collection is by token budget (else by threshold). */
  public boolean byBudget() {
    return budgetTokens > 0;
  }
}

package io.mathsieve.extract;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How HTML pages become text documents.
 *
 * @param maxDomDepth pages nesting deeper are rejected ({@code extract/dom_too_deep})
 * @param maxTime extraction of one page taking longer is abandoned ({@code extract/timeout})
 * @param minTextChars pages with less text after boilerplate removal are rejected ({@code extract/empty_text})
 * @param linkDensity blocks whose share of chars inside links exceeds this are dropped as navigation
 * @param langIdChars chars of text given to the language identifier
 * @param prefilter pages whose bytes show no sign of math are dropped before parsing ({@code extract/no_math_signal})
 * @param values the effective settings, for fingerprints and summaries
 */
public record ExtractConfig(
    int maxDomDepth, Duration maxTime, int minTextChars, double linkDensity, int langIdChars, boolean prefilter, Map<String, String> values)
    implements OptionSet, Serializable {

  public static final ConfigOption<Integer> MAX_DOM_DEPTH =
      ConfigOption.intOption("extract.max-dom-depth", 256, "Pages whose elements nest deeper than this are rejected (extract/dom_too_deep).")
          .atLeast(8);
  public static final ConfigOption<Duration> MAX_TIME =
      ConfigOption.durationOption("extract.max-time", Duration.ofSeconds(5),
          "Extraction of one page (parse and text) taking longer is abandoned (extract/timeout). Checked while walking the DOM.");
  public static final ConfigOption<Integer> MIN_TEXT_CHARS =
      ConfigOption.intOption("extract.min-text-chars", 40,
              "Pages with fewer chars of text after boilerplate removal are rejected (extract/empty_text).")
          .atLeast(1);
  public static final ConfigOption<Double> LINK_DENSITY =
      ConfigOption.doubleOption("extract.link-density", 0.5,
              "A block (paragraph, list item, table row) with more than this share of its chars inside links is dropped as navigation; "
                  + "blocks with formulas and headings are always kept.")
          .between(0.0, 1.0);
  public static final ConfigOption<Integer> LANG_ID_CHARS =
      ConfigOption.intOption("extract.lang-id-chars", 2000, "Chars of text (formulas left out) given to the language identifier.").atLeast(50);

  public static final ConfigOption<Boolean> PREFILTER =
      ConfigOption.booleanOption("extract.prefilter", false,
          "Drop pages whose raw bytes show no sign of math (markup, LaTeX, symbols, math words in several languages) before parsing them "
              + "(extract/no_math_signal), as OpenWebMath did. About twice as fast on Common Crawl, at a small cost in recall (measured by "
              + "./mathsieve bench; see notebooks-docs/performance.md). Off by default: DeepSeekMath's classifier sees every page.");

  public static final List<ConfigOption<?>> OPTIONS = List.of(MAX_DOM_DEPTH, MAX_TIME, MIN_TEXT_CHARS, LINK_DENSITY, LANG_ID_CHARS, PREFILTER);

  public static ExtractConfig from(Settings s) {
    return new ExtractConfig(
        s.get(MAX_DOM_DEPTH), s.get(MAX_TIME), s.get(MIN_TEXT_CHARS), s.get(LINK_DENSITY), s.get(LANG_ID_CHARS), s.get(PREFILTER),
        OptionSet.values(s, OPTIONS));
  }

  public static ExtractConfig defaults() {
    return from(Settings.empty());
  }
}

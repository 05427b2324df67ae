package io.mathsieve.jobs.config;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * How the pages store is written.
 *
 * @param textCapChars the pages store keeps at most this many chars of each page's text
 * @param values the effective settings
 */
public record PagesConfig(int textCapChars, Map<String, String> values) implements OptionSet, Serializable {
  public static final ConfigOption<Integer> TEXT_CAP_CHARS =
      ConfigOption.intOption("pages.text-cap-chars", 65_536,
              "The pages store keeps at most this many chars of each page's text (text_truncated marks the rest); "
                  + "select re-reads the full text of each collected page from its WARC record. Bounds the store at dump scale.")
          .atLeast(1000);

  public static final List<ConfigOption<?>> OPTIONS = List.of(TEXT_CAP_CHARS);

  public static PagesConfig from(Settings s) {
    return new PagesConfig(s.get(TEXT_CAP_CHARS), OptionSet.values(s, OPTIONS));
  }
}

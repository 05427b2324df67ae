package io.mathsieve.extract.warc;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * How WARC files are read.
 *
 * @param maxBodyBytes HTTP bodies larger than this are rejected ({@code warc/too_large}) and skipped unread
 * @param values the effective settings, for fingerprints and summaries
 */
public record WarcConfig(long maxBodyBytes, Map<String, String> values) implements OptionSet, Serializable {

  public static final ConfigOption<Long> MAX_BODY_BYTES =
      ConfigOption.longOption(
              "warc.max-body-bytes",
              4L << 20,
              "HTTP bodies larger than this many bytes are rejected (warc/too_large) without being held in memory. "
                  + "Common Crawl truncates bodies at 1 MiB, so the default only catches other crawls' giants.")
          .atLeast(1);

  public static final List<ConfigOption<?>> OPTIONS = List.of(MAX_BODY_BYTES);

  public static WarcConfig from(Settings s) {
    return new WarcConfig(s.get(MAX_BODY_BYTES), OptionSet.values(s, OPTIONS));
  }

  public static WarcConfig defaults() {
    return from(Settings.empty());
  }
}

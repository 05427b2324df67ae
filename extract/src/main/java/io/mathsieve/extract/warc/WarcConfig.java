package io.mathsieve.extract.warc;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How WARC files are read.
 *
 * @param maxBodyBytes HTTP bodies larger than this are rejected ({@code warc/too_large}) and skipped unread
 * @param httpRetries attempts after the first for one HTTP request or interrupted download
 * @param httpTimeout connect and read timeout of one HTTP request
 * @param fileBudget the most time one remote WARC file may take, retries included
 * @param pathsPrefix what relative lines of a {@code warc.paths} list are appended to
 * @param values the effective settings, for fingerprints and summaries
 */
public record WarcConfig(long maxBodyBytes, int httpRetries, Duration httpTimeout, Duration fileBudget, String pathsPrefix,
    Map<String, String> values) implements OptionSet, Serializable {

  public static final ConfigOption<Long> MAX_BODY_BYTES =
      ConfigOption.longOption(
              "warc.max-body-bytes",
              4L << 20,
              "HTTP bodies larger than this many bytes are rejected (warc/too_large) without being held in memory. "
                  + "Common Crawl truncates bodies at 1 MiB, so the default only catches other crawls' giants.")
          .atLeast(1);

  public static final ConfigOption<Integer> HTTP_RETRIES =
      ConfigOption.intOption("warc.http.retries", 6,
              "Retries (with exponential backoff from 0.5 s) of an HTTP(S) WARC download that fails with a 5xx, a 429, a timeout or a "
                  + "dropped connection; an interrupted download resumes where it stopped with a range request.")
          .between(0, 100);
  public static final ConfigOption<Duration> HTTP_TIMEOUT =
      ConfigOption.durationOption("warc.http.timeout", Duration.ofSeconds(60), "Connect and read timeout of one HTTP request for a WARC file.");
  public static final ConfigOption<Duration> FILE_BUDGET =
      ConfigOption.durationOption("warc.http.file-budget", Duration.ofMinutes(30),
          "The most time one remote WARC file may take, retries included; past it the rest of the file is a warc/unreadable_file or "
              + "warc/corrupt_record rejection.");
  public static final ConfigOption<String> PATHS_PREFIX =
      ConfigOption.stringOption("warc.paths-prefix", "https://data.commoncrawl.org/",
          "Relative lines of a warc.paths(.gz) list (as Common Crawl publishes them) are appended to this; s3://commoncrawl/ reads "
              + "through Flink's S3 file system instead.");

  public static final List<ConfigOption<?>> OPTIONS = List.of(MAX_BODY_BYTES, HTTP_RETRIES, HTTP_TIMEOUT, FILE_BUDGET, PATHS_PREFIX);

  public static WarcConfig from(Settings s) {
    return new WarcConfig(s.get(MAX_BODY_BYTES), s.get(HTTP_RETRIES), s.get(HTTP_TIMEOUT), s.get(FILE_BUDGET), s.get(PATHS_PREFIX),
        OptionSet.values(s, OPTIONS));
  }

  public static WarcConfig defaults() {
    return from(Settings.empty());
  }
}

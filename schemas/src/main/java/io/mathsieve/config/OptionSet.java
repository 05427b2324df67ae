package io.mathsieve.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one stage config, with the effective values of a built config: what goes into the
 * fingerprint and the run summary. Stage configs implement {@link #values()} as
 * {@code OptionSet.values(settings, OPTIONS)}.
 */
public interface OptionSet {
  /** Effective values of every option of this config, canonical strings, in declaration order. */
  Map<String, String> values();

  /** {@link Fingerprint} of {@link #values()}. */
  default String fingerprint() {
    return Fingerprint.of(values());
  }

  /** Effective values of {@code options} under {@code settings}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Map<String, String> values(Settings settings, List<ConfigOption<?>> options) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ConfigOption option : options) {
      out.put(option.key(), option.format(settings.get(option)));
    }
    return out;
  }
}

package io.mathsieve.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw configuration a user gave (a file and {@code --set key=value} flags), remembering where
 * each value came from so errors can name the file and line. Stage configs read typed values from it
 * through their {@link ConfigOption}s; {@link #checkKnown} rejects keys no stage declares.
 *
 * <p>File format: one {@code key = value} (or {@code key: value}) a line; {@code #} starts a comment.
 */
public final class Settings {
  private final Map<String, String> values;
  private final Map<String, String> origins;

  private Settings(Map<String, String> values, Map<String, String> origins) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.origins = Collections.unmodifiableMap(new HashMap<>(origins));
  }

  public static Settings empty() {
    return new Settings(Map.of(), Map.of());
  }

  /** Settings from a map, all attributed to {@code origin} (e.g. "--set"). */
  public static Settings of(Map<String, String> values, String origin) {
    Map<String, String> origins = new HashMap<>();
    values.keySet().forEach(k -> origins.put(k, origin));
    return new Settings(values, origins);
  }

  /** Reads a config file; a malformed line is a {@link ConfigException} naming file and line. */
  public static Settings read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read config file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origins = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int sep = eq < 0 ? colon : (colon < 0 ? eq : Math.min(eq, colon));
      String where = file + ":" + (i + 1);
      if (sep <= 0) {
        throw new ConfigException(where + ": expected 'key = value', got '" + line + "'");
      }
      String key = line.substring(0, sep).strip();
      String value = stripQuotes(line.substring(sep + 1).strip());
      if (values.containsKey(key)) {
        throw new ConfigException(where + ": " + key + " is set twice (first at " + origins.get(key) + ")");
      }
      values.put(key, value);
      origins.put(key, where);
    }
    return new Settings(values, origins);
  }

  /** Parses {@code key=value} flags. */
  public static Settings fromFlags(List<String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String flag : flags) {
      int eq = flag.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--set " + flag + ": expected key=value");
      }
      values.put(flag.substring(0, eq).strip(), flag.substring(eq + 1).strip());
    }
    return of(values, "--set");
  }

  /** These settings overridden by {@code other}'s. */
  public Settings overriddenBy(Settings other) {
    Map<String, String> v = new LinkedHashMap<>(values);
    Map<String, String> o = new HashMap<>(origins);
    v.putAll(other.values);
    o.putAll(other.origins);
    return new Settings(v, o);
  }

  /** These settings with one value replaced, attributed to {@code origin}. */
  public Settings with(String key, String value, String origin) {
    return overriddenBy(of(Map.of(key, value), origin));
  }

  /**
   * These settings with {@code key} set by the command-line flag {@code flag} (which an error then
   * names), or these settings unchanged when the flag was not given ({@code value} null).
   */
  public Settings withFlag(String key, Object value, String flag) {
    return value == null ? this : with(key, value.toString(), flag);
  }

  /** The typed value of {@code option}: the user's value, parsed and checked, or the default. */
  public <T> T get(ConfigOption<T> option) {
    String raw = values.get(option.key());
    return raw == null ? option.defaultValue() : option.parse(raw, origins.getOrDefault(option.key(), "config"));
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  /** Throws a {@link ConfigException} for the first key that no option in {@code known} declares. */
  public void checkKnown(Collection<ConfigOption<?>> known) {
    Map<String, ConfigOption<?>> byKey = new HashMap<>();
    known.forEach(o -> byKey.put(o.key(), o));
    for (String key : values.keySet()) {
      if (!byKey.containsKey(key)) {
        String hint = closest(key, byKey.keySet());
        throw new ConfigException(
            origins.get(key) + ": unknown config key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      }
    }
  }

  /** The raw values, sorted by key. */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(new TreeMap<>(values));
  }

  private static String stripQuotes(String v) {
    if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static String closest(String key, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(key, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

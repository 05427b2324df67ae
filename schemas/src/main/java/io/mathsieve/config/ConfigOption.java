package io.mathsieve.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One typed configuration key with its default and description, declared next to the stage config
 * that reads it. Values are parsed and checked when a config is built, never inside an operator.
 *
 * <pre>{@code
 * static final ConfigOption<Long> MAX_BODY_BYTES =
 *     ConfigOption.longOption("extract.max-body-bytes", 4L << 20, "Pages with larger bodies are rejected.")
 *         .atLeast(1);
 * }</pre>
 */
public final class ConfigOption<T> {
  private final String key;
  private final String typeName;
  private final T defaultValue;
  private final String description;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;
  private final Predicate<T> check;
  private final String checkDescription;

  private ConfigOption(
      String key,
      String typeName,
      T defaultValue,
      String description,
      Function<String, T> parser,
      Function<T, String> formatter,
      Predicate<T> check,
      String checkDescription) {
    if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException("config key must look like 'stage.some-name', got '" + key + "'");
    }
    this.key = key;
    this.typeName = typeName;
    this.defaultValue = Objects.requireNonNull(defaultValue, "default of " + key);
    this.description = Objects.requireNonNull(description);
    this.parser = parser;
    this.formatter = formatter;
    this.check = check;
    this.checkDescription = checkDescription;
    if (!check.test(defaultValue)) {
      throw new IllegalArgumentException("default of " + key + " fails its own check: " + checkDescription);
    }
  }

  public static ConfigOption<Long> longOption(String key, long defaultValue, String description) {
    return new ConfigOption<>(key, "long", defaultValue, description, Long::parseLong, String::valueOf, v -> true, "");
  }

  public static ConfigOption<Integer> intOption(String key, int defaultValue, String description) {
    return new ConfigOption<>(
        key, "int", defaultValue, description, Integer::parseInt, String::valueOf, v -> true, "");
  }

  public static ConfigOption<Double> doubleOption(String key, double defaultValue, String description) {
    return new ConfigOption<>(
        key, "double", defaultValue, description, Double::parseDouble, String::valueOf, v -> true, "");
  }

  public static ConfigOption<Boolean> booleanOption(String key, boolean defaultValue, String description) {
    return new ConfigOption<>(
        key, "boolean", defaultValue, description, ConfigOption::parseBoolean, String::valueOf, v -> true, "");
  }

  public static ConfigOption<String> stringOption(String key, String defaultValue, String description) {
    return new ConfigOption<>(key, "string", defaultValue, description, s -> s, s -> s, v -> true, "");
  }

  /** A duration written as {@code 500ms}, {@code 10s}, {@code 5m} or {@code 2h}. */
  public static ConfigOption<Duration> durationOption(String key, Duration defaultValue, String description) {
    return new ConfigOption<>(
        key, "duration", defaultValue, description, ConfigOption::parseDuration, ConfigOption::formatDuration,
        v -> !v.isNegative(), "must not be negative");
  }

  /** One of the constants of {@code type}, written in lower case. */
  public static <E extends Enum<E>> ConfigOption<E> enumOption(
      String key, Class<E> type, E defaultValue, String description) {
    StringBuilder names = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : "|").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return new ConfigOption<>(
        key,
        names.toString(),
        defaultValue,
        description,
        s -> Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_')),
        e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        v -> true,
        "");
  }

  /** This option, additionally requiring {@code check}; {@code description} says what it requires. */
  public ConfigOption<T> checked(Predicate<T> extra, String extraDescription) {
    Predicate<T> both = check.and(extra);
    String text = checkDescription.isEmpty() ? extraDescription : checkDescription + " and " + extraDescription;
    return new ConfigOption<>(key, typeName, defaultValue, description, parser, formatter, both, text);
  }

  /** This numeric option, additionally requiring a value of at least {@code min}. */
  public ConfigOption<T> atLeast(double min) {
    return checked(v -> ((Number) v).doubleValue() >= min, "must be >= " + formatNumber(min));
  }

  /** This numeric option, additionally requiring {@code min <= value <= max}. */
  public ConfigOption<T> between(double min, double max) {
    return checked(
        v -> ((Number) v).doubleValue() >= min && ((Number) v).doubleValue() <= max,
        "must be between " + formatNumber(min) + " and " + formatNumber(max));
  }

  public String key() {
    return key;
  }

  /** The type as shown in docs and errors: {@code long}, {@code duration}, {@code host|registered-domain}. */
  public String typeName() {
    return typeName;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** What a valid value must satisfy beyond its type, empty when nothing. */
  public String constraint() {
    return checkDescription;
  }

  /** Parses and checks {@code raw}; {@code origin} says where it came from for the error message. */
  public T parse(String raw, String origin) {
    T value;
    try {
      value = parser.apply(raw.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(
          origin + ": " + key + " = '" + raw + "' is not a valid " + typeName + describeCause(e));
    }
    if (!check.test(value)) {
      throw new ConfigException(origin + ": " + key + " = '" + raw + "' " + checkDescription);
    }
    return value;
  }

  /** The canonical string form of {@code value}, used in fingerprints and docs. */
  public String format(T value) {
    return formatter.apply(value);
  }

  @Override
  public String toString() {
    return key + " (" + typeName + ", default " + format(defaultValue) + ")";
  }

  private static String describeCause(RuntimeException e) {
    return e instanceof IllegalArgumentException && e.getMessage() != null && !(e instanceof NumberFormatException)
        ? " (" + e.getMessage() + ")"
        : "";
  }

  private static boolean parseBoolean(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  static Duration parseDuration(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("expected a number followed by ms, s, m or h");
    }
    long n = Long.parseLong(t.substring(0, i));
    return switch (t.substring(i).trim()) {
      case "ms" -> Duration.ofMillis(n);
      case "s", "" -> Duration.ofSeconds(n);
      case "m", "min" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("expected a number followed by ms, s, m or h");
    };
  }

  static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  private static String formatNumber(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }
}

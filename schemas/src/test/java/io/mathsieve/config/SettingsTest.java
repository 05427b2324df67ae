package io.mathsieve.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  static final ConfigOption<Long> MAX = ConfigOption.longOption("extract.max-body-bytes", 100, "max").atLeast(1);
  static final ConfigOption<Duration> TIME = ConfigOption.durationOption("extract.max-time", Duration.ofSeconds(2), "t");
  static final ConfigOption<Boolean> FLAG = ConfigOption.booleanOption("extract.flag", false, "f");
  static final ConfigOption<Mode> MODE = ConfigOption.enumOption("extract.mode", Mode.class, Mode.HOST, "m");

  enum Mode {
    HOST,
    REGISTERED_DOMAIN
  }

  @Test
  void defaultsWhenUnset() {
    assertThat(Settings.empty().get(MAX)).isEqualTo(100L);
    assertThat(Settings.empty().get(MODE)).isEqualTo(Mode.HOST);
  }

  @Test
  void parsesTypedValues() {
    Settings s = Settings.fromFlags(List.of("extract.max-body-bytes=5", "extract.max-time=250ms", "extract.flag=yes", "extract.mode=registered-domain"));
    assertThat(s.get(MAX)).isEqualTo(5L);
    assertThat(s.get(TIME)).isEqualTo(Duration.ofMillis(250));
    assertThat(s.get(FLAG)).isTrue();
    assertThat(s.get(MODE)).isEqualTo(Mode.REGISTERED_DOMAIN);
    assertThat(MODE.typeName()).isEqualTo("host|registered-domain");
    assertThat(TIME.format(Duration.ofMinutes(5))).isEqualTo("5m");
  }

  // A config file error names the file and the line.
  @Test
  void fileErrorsNameFileAndLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.conf");
    Files.writeString(f, "# comment\nextract.max-body-bytes = 0\n");
    assertThatThrownBy(() -> Settings.read(f).get(MAX))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ":2: extract.max-body-bytes = '0' must be >= 1");
    Files.writeString(f, "extract.max-body-bytes = lots\n");
    assertThatThrownBy(() -> Settings.read(f).get(MAX))
        .hasMessage(f + ":1: extract.max-body-bytes = 'lots' is not a valid long");
    Files.writeString(f, "just words\n");
    assertThatThrownBy(() -> Settings.read(f)).hasMessage(f + ":1: expected 'key = value', got 'just words'");
  }

  // Unknown keys are an error, with a suggestion for a likely typo.
  @Test
  void unknownKeysRejectedWithSuggestion() {
    Settings s = Settings.of(Map.of("extract.max-body-byte", "3"), "--set");
    assertThatThrownBy(() -> s.checkKnown(List.of(MAX, TIME)))
        .hasMessage("--set: unknown config key 'extract.max-body-byte' (did you mean 'extract.max-body-bytes'?)");
    Settings t = Settings.of(Map.of("zzz.nothing-like-it", "3"), "--set");
    assertThatThrownBy(() -> t.checkKnown(List.of(MAX))).hasMessage("--set: unknown config key 'zzz.nothing-like-it'");
  }

  @Test
  void laterSettingsOverride() {
    Settings s = Settings.of(Map.of("extract.max-body-bytes", "3"), "file").with("extract.max-body-bytes", "4", "--set");
    assertThat(s.get(MAX)).isEqualTo(4L);
  }

  // A flag not given leaves the value from the file; a bad one given is named in the error.
  @Test
  void flagsOverrideOnlyWhenGiven() {
    Settings file = Settings.of(Map.of("extract.max-body-bytes", "3"), "file");
    assertThat(file.withFlag(MAX.key(), null, "--max").get(MAX)).isEqualTo(3L);
    assertThat(file.withFlag(MAX.key(), 7, "--max").get(MAX)).isEqualTo(7L);
    assertThatThrownBy(() -> file.withFlag(MAX.key(), 0, "--max").get(MAX)).hasMessage("--max: extract.max-body-bytes = '0' must be >= 1");
  }

  // The fingerprint depends on values, not on the order they were given in.
  @Test
  void fingerprintIsOrderIndependentAndValueSensitive() {
    String a = Fingerprint.of(Map.of("a.b", "1", "c.d", "2"));
    assertThat(Fingerprint.of(new java.util.TreeMap<>(Map.of("c.d", "2", "a.b", "1")))).isEqualTo(a);
    assertThat(Fingerprint.of(Map.of("a.b", "1", "c.d", "3"))).isNotEqualTo(a);
    assertThat(a).matches("[0-9a-f]{16}");
  }

  @Test
  void badKeysAndDefaultsAreProgrammerErrors() {
    assertThatThrownBy(() -> ConfigOption.longOption("nodot", 1, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfigOption.longOption("a.b", 0, "x").atLeast(1))
        .hasMessageContaining("default of a.b fails its own check");
  }
}

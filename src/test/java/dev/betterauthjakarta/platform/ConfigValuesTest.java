package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** A misread setting must stop the service, never quietly become the default. */
class ConfigValuesTest {

  /** A configuration holding only the given strings. */
  private static Config config(Map<String, String> values) {
    return new Config() {
      @Override
      public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
      }

      @Override
      public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(type::cast);
      }

      @Override
      public Iterable<String> getPropertyNames() {
        return values.keySet();
      }

      @Override
      public Iterable<ConfigSource> getConfigSources() {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void goodValuesAreReadAndMissingOrBlankOnesTakeTheDefault() {
    Config c = config(Map.of("s", " 3600 ", "b", "TRUE", "p", "2525", "blank", "  "));
    assertEquals(3600, ConfigValues.seconds(c, "s", 1));
    assertEquals(7, ConfigValues.seconds(c, "missing", 7));
    assertEquals(7, ConfigValues.seconds(c, "blank", 7));
    assertTrue(ConfigValues.bool(c, "b", false));
    assertEquals(Optional.empty(), ConfigValues.optionalBool(c, "missing"));
    assertEquals(2525, ConfigValues.port(c, "p", 587));
    assertEquals("d", ConfigValues.string(c, "blank", "d"));
  }

  @Test
  void badValuesFailNamingTheKeyWhatWasExpectedAndWhatWasGiven() {
    Config c =
        config(Map.of("s", "abc", "neg", "-1", "b", "maybe", "yes", "yes", "p", "70000", "q", "x"));
    assertEquals(
        "s must be a whole number of seconds, 0 or more, not 'abc'",
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.seconds(c, "s", 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfigValues.seconds(c, "neg", 1));
    assertEquals(
        "b must be true or false, not 'maybe'",
        assertThrows(IllegalArgumentException.class, () -> ConfigValues.bool(c, "b", false))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigValues.bool(c, "yes", false),
        "only true and false: 'yes' is not silently true");
    assertThrows(IllegalArgumentException.class, () -> ConfigValues.port(c, "p", 587));
    assertThrows(IllegalArgumentException.class, () -> ConfigValues.port(c, "q", 587));
    assertFalse(ConfigValues.bool(config(Map.of("b", "false")), "b", true));
  }
}

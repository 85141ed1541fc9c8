package dev.betterauthjakarta.platform;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Strict reading of settings. Payara's MicroProfile Config quietly falls back to a property's
 * default when a value does not convert ({@code expires-in=abc} became 7 days), and the spec's
 * boolean converter reads anything but true/yes/on/1 as false; an auth server must not run on a
 * setting it misread. Every {@code *Settings} bean reads through these methods when the application
 * starts, so a bad value fails the deployment with a message naming the key.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** The value, trimmed, or empty when unset or blank. */
  public static Optional<String> string(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The value, trimmed, or {@code defaultValue}. */
  public static String string(Config config, String key, String defaultValue) {
    return string(config, key).orElse(defaultValue);
  }

  /**
   * A duration or count in whole seconds, 0 or more.
   *
   * @throws IllegalArgumentException naming the key for anything else
   */
  public static long seconds(Config config, String key, long defaultValue) {
    return string(config, key)
        .map(
            v ->
                parse(
                    key, v, "a whole number of seconds, 0 or more", ConfigValues::nonNegativeLong))
        .orElse(defaultValue);
  }

  /**
   * A count (a number of requests, of attempts, of days), a whole number 0 or more.
   *
   * @throws IllegalArgumentException naming the key for anything else
   */
  public static long count(Config config, String key, long defaultValue) {
    return string(config, key)
        .map(v -> parse(key, v, "a whole number, 0 or more", ConfigValues::nonNegativeLong))
        .orElse(defaultValue);
  }

  /** A comma-separated list, each entry trimmed, empty entries dropped; empty when unset. */
  public static java.util.List<String> list(Config config, String key) {
    return string(config, key)
        .map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim))
        .orElseGet(java.util.stream.Stream::empty)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * A TCP port, 1 to 65535.
   *
   * @throws IllegalArgumentException naming the key for anything else
   */
  public static int port(Config config, String key, int defaultValue) {
    return string(config, key)
        .map(v -> parse(key, v, "a port number from 1 to 65535", ConfigValues::port))
        .orElse(defaultValue);
  }

  /**
   * {@code true} or {@code false}, in any case.
   *
   * @throws IllegalArgumentException naming the key for anything else
   */
  public static boolean bool(Config config, String key, boolean defaultValue) {
    return optionalBool(config, key).orElse(defaultValue);
  }

  /**
   * {@code true} or {@code false}, in any case, or empty when unset.
   *
   * @throws IllegalArgumentException naming the key for anything else
   */
  public static Optional<Boolean> optionalBool(Config config, String key) {
    return string(config, key).map(v -> parse(key, v, "true or false", ConfigValues::bool));
  }

  /**
   * One of a fixed set of choices, parsed by {@code parser} (which names the allowed values).
   *
   * @throws IllegalArgumentException from the parser
   */
  public static <T> T choice(
      Config config, String key, String defaultValue, Function<String, T> parser) {
    return parser.apply(string(config, key, defaultValue));
  }

  private static <T> T parse(
      String key, String value, String expected, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be " + expected + ", not '" + value + "'");
    }
  }

  private static long nonNegativeLong(String value) {
    long parsed = Long.parseLong(value);
    if (parsed < 0) {
      throw new IllegalArgumentException();
    }
    return parsed;
  }

  private static int port(String value) {
    int parsed = Integer.parseInt(value);
    if (parsed < 1 || parsed > 65535) {
      throw new IllegalArgumentException();
    }
    return parsed;
  }

  private static boolean bool(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException();
  }
}

package dev.betterauthjakarta.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Dates on the wire are JavaScript's {@code Date#toJSON}: UTC, exactly three fraction digits and
 * {@code Z}. {@link Instant#toString()} would drop or add digits, which Better Auth's client does
 * not revive into a Date.
 */
public final class WireDates {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private WireDates() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  public static Instant parse(String text) {
    return Instant.parse(text);
  }
}

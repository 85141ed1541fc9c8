package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireDatesTest {

  @Test
  void alwaysThreeFractionDigitsInUtcWithZ() {
    assertEquals(
        "2026-11-28T10:15:30.000Z", WireDates.format(Instant.parse("2026-11-28T10:15:30Z")));
    assertEquals(
        "2026-11-28T10:15:30.123Z",
        WireDates.format(Instant.parse("2026-11-28T10:15:30.123456789Z")));
    assertEquals(
        "2026-11-28T10:15:30.100Z", WireDates.format(Instant.parse("2026-11-28T10:15:30.1Z")));
  }

  @Test
  void parsesWhatItWrites() {
    Instant t = Instant.parse("2026-01-02T03:04:05.678Z");
    assertEquals(t, WireDates.parse(WireDates.format(t)));
  }
}

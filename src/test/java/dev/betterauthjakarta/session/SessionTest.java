package dev.betterauthjakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration DAY = Duration.ofDays(1);

  private static Session session(Duration lifetime) {
    return new Session("id", "hash", "user", T0, T0.plus(lifetime), "", "");
  }

  @Test
  void aSessionIsExtendedOnceItsLastExtensionIsADayOld() {
    Session s = session(WEEK);
    assertFalse(s.isDueForRefresh(T0.plus(Duration.ofHours(23)), WEEK, DAY));
    assertTrue(s.isDueForRefresh(T0.plus(DAY), WEEK, DAY));
    s.extend(T0.plus(DAY), WEEK);
    assertEquals(T0.plus(DAY).plus(WEEK), s.getExpiresAt());
    assertFalse(s.isDueForRefresh(T0.plus(DAY).plus(Duration.ofHours(1)), WEEK, DAY));
  }

  @Test
  void aRememberMeFalseSessionIsShortLivedAndANormalOneIsNot() {
    assertTrue(session(DAY).isShortLived(DAY));
    Session normal = session(WEEK);
    assertFalse(normal.isShortLived(DAY));
    normal.extend(T0.plus(Duration.ofDays(3)), WEEK);
    assertFalse(normal.isShortLived(DAY), "extending never makes a session look short-lived");
  }

  @Test
  void expiryIsExclusive() {
    Session s = session(DAY);
    assertFalse(s.isExpiredAt(T0.plus(DAY).minusMillis(1)));
    assertTrue(s.isExpiredAt(T0.plus(DAY)));
  }
}

package dev.betterauthjakarta.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsernamesTest {

  @Test
  void usernamesAreStoredLowerCased() {
    assertEquals("ada_l.99", Usernames.normalize("Ada_L.99"));
  }

  @ParameterizedTest
  @CsvSource({
    "ab, USERNAME_TOO_SHORT",
    "abcdefghijabcdefghijabcdefghijk, USERNAME_TOO_LONG",
    "has space, INVALID_USERNAME",
    "dash-name, INVALID_USERNAME",
    "émile, INVALID_USERNAME",
    "at@sign, INVALID_USERNAME"
  })
  void invalidUsernamesGetBetterAuthsCodes(String typed, ErrorCode expected) {
    AuthException e = assertThrows(AuthException.class, () -> Usernames.normalize(typed));
    assertEquals(expected, e.code());
    assertEquals(400, e.status());
  }

  @Test
  void theLimitsAreInclusive() {
    assertEquals("abc", Usernames.normalize("abc"));
    assertEquals("a".repeat(30), Usernames.normalize("a".repeat(30)));
  }
}

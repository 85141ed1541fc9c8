package dev.betterauthjakarta.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PasswordHashFormatTest {

  @Test
  void theSettingIsReadIgnoringCaseAndBlanks() {
    assertEquals(PasswordHashFormat.ARGON2ID, PasswordHashFormat.of("argon2id"));
    assertEquals(
        PasswordHashFormat.BETTER_AUTH_SCRYPT, PasswordHashFormat.of(" Better-Auth-Scrypt "));
  }

  @Test
  void aTypoNamesTheAllowedValuesInsteadOfPickingADefault() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PasswordHashFormat.of("argon2"));
    assertEquals(
        "better.auth.password.hash-format must be one of argon2id, better-auth-scrypt, not"
            + " 'argon2'",
        e.getMessage());
  }
}

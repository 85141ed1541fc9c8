package dev.betterauthjakarta.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Requests;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnlinkRequestTest {
  private static final Account CREDENTIAL =
      Account.credential("row-1", "user-1", "hash", Instant.EPOCH);

  private static UnlinkRequest parse(String s) {
    return Requests.read(s, UnlinkRequest.class).requireTarget();
  }

  @Test
  void theSeedShapeMatchesByProviderAndOptionallyTheProvidersAccountId() {
    assertTrue(parse("{'providerId':'credential'}").matches(CREDENTIAL));
    assertTrue(parse("{'providerId':'credential','accountId':'user-1'}").matches(CREDENTIAL));
    assertFalse(parse("{'providerId':'credential','accountId':'row-1'}").matches(CREDENTIAL));
    assertFalse(parse("{'providerId':'google'}").matches(CREDENTIAL));
  }

  @Test
  void theBetterAuth17ShapeMatchesTheRowId() {
    assertTrue(parse("{'accountId':'row-1'}").matches(CREDENTIAL));
    assertFalse(parse("{'accountId':'user-1'}").matches(CREDENTIAL));
  }

  @Test
  void neitherFieldIsAValidationError() {
    AuthException e = assertThrows(AuthException.class, () -> parse("{}"));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    e = assertThrows(AuthException.class, () -> parse("{'providerId':7}"));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals(
        "[body.providerId] Invalid input: expected string, received number", e.getMessage());
    e = assertThrows(AuthException.class, () -> parse("{'providerId':'" + "p".repeat(257) + "'}"));
    assertEquals(
        "[body.providerId] Too big: expected string to have <=256 characters", e.getMessage());
  }

  @Test
  void scopesAreSplitOnCommasTrimmedAndEmptiesDropped() {
    assertEquals(
        List.of("openid", "email", "profile"),
        dev.betterauthjakarta.identity.IdentityService.scopesOf("openid, email,,profile "));
    assertEquals(List.of(), dev.betterauthjakarta.identity.IdentityService.scopesOf(null));
  }
}

package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.RecordBinder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/**
 * The {@code idToken} object of sign-in/social and link-social: a token the client got from the
 * provider itself (a mobile SDK). Better Auth stores the token and the access token; the refresh
 * token and expiry it ignores, and so does this service.
 */
record IdTokenRequest(
    String token,
    String nonce,
    String accessToken,
    String refreshToken,
    JsonNumber expiresAt,
    JsonObject user) {
  private static final int MAX_TOKEN = 16_384;

  /**
   * The object bound and checked.
   *
   * @throws AuthException 400 VALIDATION_ERROR naming {@code body.idToken.<field>}
   */
  static IdTokenRequest from(JsonObject json) {
    IdTokenRequest r = RecordBinder.bind(json, IdTokenRequest.class, "body.idToken");
    if (r.token() == null) {
      throw invalid("token", "Invalid input: expected string, received undefined");
    }
    check("token", r.token(), MAX_TOKEN);
    check("nonce", r.nonce(), 512);
    check("accessToken", r.accessToken(), MAX_TOKEN);
    check("refreshToken", r.refreshToken(), MAX_TOKEN);
    return r;
  }

  private static void check(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw invalid(field, "Too big: expected string to have <=" + max + " characters");
    }
  }

  private static AuthException invalid(String field, String problem) {
    return new AuthException(ErrorCode.VALIDATION_ERROR, "[body.idToken." + field + "] " + problem);
  }
}

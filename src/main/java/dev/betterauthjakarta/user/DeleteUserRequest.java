package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.TrustedOrigins;
import java.util.Optional;

/** {@code POST /delete-user}: all optional, as Better Auth's client posts {@code {}}. */
public record DeleteUserRequest(
    Optional<String> password, Optional<String> token, Optional<String> callbackURL) {

  public static DeleteUserRequest from(Body body, TrustedOrigins origins) {
    Optional<String> callbackURL = body.optionalString("callbackURL", 2048);
    if (callbackURL.isPresent() && !origins.isTrustedUrl(callbackURL.get())) {
      throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }
    return new DeleteUserRequest(
        body.optionalString("password", Integer.MAX_VALUE),
        body.optionalString("token", 256),
        callbackURL);
  }
}

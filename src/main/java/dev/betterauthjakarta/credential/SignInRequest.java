package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.TrustedOrigins;
import dev.betterauthjakarta.user.Emails;
import java.util.Optional;

/** {@code POST /sign-in/email}. */
public record SignInRequest(
    String email, String password, boolean rememberMe, Optional<String> callbackURL) {

  public static SignInRequest from(Body body, TrustedOrigins origins) {
    String email = body.requiredString("email", 1024);
    String password = body.requiredString("password", Integer.MAX_VALUE);
    boolean rememberMe = body.optionalBoolean("rememberMe").orElse(true);
    Optional<String> callbackURL = body.optionalString("callbackURL", 2048);
    if (!Emails.isValid(email)) {
      throw new AuthException(ErrorCode.INVALID_EMAIL);
    }
    if (callbackURL.isPresent() && !origins.isTrustedUrl(callbackURL.get())) {
      throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }
    return new SignInRequest(Emails.normalize(email), password, rememberMe, callbackURL);
  }
}

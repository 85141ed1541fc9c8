package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.TrustedOrigins;
import dev.betterauthjakarta.user.Emails;
import dev.betterauthjakarta.user.Usernames;
import java.util.Optional;

/**
 * {@code POST /sign-in/email} and {@code POST /sign-in/username}: the normalised email or
 * username that names the user, and the rest of the sign-in.
 */
public record SignInRequest(
    String login, String password, boolean rememberMe, Optional<String> callbackURL) {

  public static SignInRequest withEmail(Body body, TrustedOrigins origins) {
    String email = body.requiredString("email", 1024);
    SignInRequest rest = rest(Emails.normalize(email), body, origins);
    if (!Emails.isValid(email)) {
      throw new AuthException(ErrorCode.INVALID_EMAIL);
    }
    return rest;
  }

  public static SignInRequest withUsername(Body body, TrustedOrigins origins) {
    String username = body.requiredString("username", 1024);
    SignInRequest rest = rest(username, body, origins);
    return new SignInRequest(
        Usernames.normalizeForLookup(username), rest.password, rest.rememberMe, rest.callbackURL);
  }

  private static SignInRequest rest(String login, Body body, TrustedOrigins origins) {
    String password = body.requiredString("password", Integer.MAX_VALUE);
    boolean rememberMe = body.optionalBoolean("rememberMe").orElse(true);
    Optional<String> callbackURL = body.optionalString("callbackURL", 2048);
    if (callbackURL.isPresent() && !origins.isTrustedUrl(callbackURL.get())) {
      throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }
    return new SignInRequest(login, password, rememberMe, callbackURL);
  }
}

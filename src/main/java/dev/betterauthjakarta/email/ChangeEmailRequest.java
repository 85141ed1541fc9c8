package dev.betterauthjakarta.email;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.TrustedOrigins;
import dev.betterauthjakarta.user.Emails;
import java.util.Optional;

/** {@code POST /change-email}: the new address (lower-cased) and an optional callback URL. */
public record ChangeEmailRequest(String newEmail, Optional<String> callbackURL) {

  public static ChangeEmailRequest from(Body body, TrustedOrigins origins) {
    String email = body.requiredString("newEmail", Emails.MAX_LENGTH);
    if (!Emails.isValid(email)) {
      throw Body.invalid("newEmail", "Invalid email address");
    }
    Optional<String> callback = body.optionalString("callbackURL", 2048);
    if (callback.isPresent() && !origins.isTrustedUrl(callback.get())) {
      throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }
    return new ChangeEmailRequest(Emails.normalize(email), callback);
  }
}

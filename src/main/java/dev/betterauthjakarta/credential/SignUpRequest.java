package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.TrustedOrigins;
import dev.betterauthjakarta.user.Emails;
import dev.betterauthjakarta.user.Metadata;
import dev.betterauthjakarta.user.NewUser;
import dev.betterauthjakarta.user.Usernames;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /sign-up/email}, checked in Better Auth's order. Server-only fields with a value
 * are refused; emailVerified, banned and twoFactorEnabled are not inputs and are ignored.
 */
public record SignUpRequest(
    NewUser user, String password, boolean rememberMe, Optional<String> callbackURL) {
  private static final List<String> SERVER_ONLY = List.of("role", "banReason", "banExpires");

  public static SignUpRequest from(Body body, TrustedOrigins origins) {
    for (String field : SERVER_ONLY) {
      if (body.truthy(field)) {
        throw new AuthException(ErrorCode.FIELD_NOT_ALLOWED, field + " is not allowed to be set");
      }
    }
    String name = body.string("name", 256).value();
    String email = body.requiredString("email", Emails.MAX_LENGTH);
    String password = body.requiredString("password", Integer.MAX_VALUE);
    String image = body.string("image", 2048).value();
    Optional<String> typedUsername = body.optionalString("username", 1024);
    Optional<String> displayUsername =
        body.optionalString("displayUsername", Usernames.MAX_DISPLAY_LENGTH);
    boolean rememberMe = body.optionalBoolean("rememberMe").orElse(true);
    Optional<String> callbackURL = body.optionalString("callbackURL", 2048);
    JsonObject metadata = body.object("metadata").value();

    if (!Emails.isWithinLimits(email)) {
      throw Body.invalid("email", "Too big: at most 254 characters, 64 before the @");
    }
    if (!Emails.isValid(email)) {
      throw new AuthException(ErrorCode.INVALID_EMAIL);
    }
    PasswordHasher.checkLength(password);
    if (callbackURL.isPresent() && !origins.isTrustedUrl(callbackURL.get())) {
      throw new AuthException(ErrorCode.INVALID_CALLBACK_URL);
    }
    if (metadata != null) {
      Metadata.validate(metadata);
    }

    // Better Auth's username plugin: the display name defaults to the username as typed, and a
    // display name alone that is a valid username also becomes the username.
    String username = null;
    String display = displayUsername.orElse(null);
    if (typedUsername.isPresent()) {
      username = Usernames.normalize(typedUsername.get());
      display = displayUsername.orElse(typedUsername.get());
    } else if (display != null && Usernames.isValid(display)) {
      username = Usernames.normalize(display);
    }
    return new SignUpRequest(
        new NewUser(
            name,
            Emails.normalize(email),
            image,
            username,
            display,
            metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata),
        password,
        rememberMe,
        callbackURL);
  }
}

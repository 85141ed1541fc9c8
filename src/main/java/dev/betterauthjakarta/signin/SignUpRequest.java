package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.identity.EmailAddress;
import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.identity.MetadataLimits;
import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.identity.Usernames;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Length;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.NotSettable;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /sign-up/email}. Server-only fields with a value are refused; emailVerified, banned
 * and twoFactorEnabled are not inputs and are ignored, like every unknown key.
 */
public record SignUpRequest(
    @Size(max = 256, message = Messages.TOO_BIG) String name,
    @NotNull(message = Messages.REQUIRED_STRING) @EmailAddress String email,
    @NotNull(message = Messages.REQUIRED_STRING)
        @Length(min = PasswordHasher.MIN_LENGTH, code = ErrorCode.PASSWORD_TOO_SHORT)
        @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG)
        String password,
    @Size(max = 2048, message = Messages.TOO_BIG) String image,
    @Size(max = 1024, message = Messages.TOO_BIG) String username,
    @Size(max = Usernames.MAX_DISPLAY_LENGTH, message = Messages.TOO_BIG) String displayUsername,
    Boolean rememberMe,
    @Size(max = 2048, message = Messages.TOO_BIG) @TrustedUrl String callbackURL,
    @MetadataLimits JsonObject metadata,
    @NotSettable JsonValue role,
    @NotSettable JsonValue banReason,
    @NotSettable JsonValue banExpires)
    implements SessionRequest {

  /**
   * The user to create, email and username normalised. Better Auth's username plugin: the display
   * name defaults to the username as typed, and a display name alone that is a valid username also
   * becomes the username.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 400 USERNAME_TOO_SHORT, USERNAME_TOO_LONG
   *     or INVALID_USERNAME for a typed username that breaks the plugin's rules
   */
  public NewUser newUser() {
    String normalizedUsername = null;
    String display = displayUsername;
    if (username != null) {
      normalizedUsername = Usernames.normalize(username);
      display = displayUsername != null ? displayUsername : username;
    } else if (display != null && Usernames.isValid(display)) {
      normalizedUsername = Usernames.normalize(display);
    }
    return new NewUser(
        name,
        Emails.normalize(email),
        image,
        normalizedUsername,
        display,
        metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata);
  }
}

package dev.betterauthjakarta.password;

import dev.betterauthjakarta.identity.EmailAddress;
import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Length;
import dev.betterauthjakarta.platform.Messages;
import dev.betterauthjakarta.platform.TrustedUrl;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The request bodies of the password routes. */
public final class PasswordRequests {
  private PasswordRequests() {}

  /** {@code POST /change-password}. */
  public record ChangePassword(
      @NotNull(message = Messages.REQUIRED_STRING) String currentPassword,
      @NotNull(message = Messages.REQUIRED_STRING)
          @Length(min = PasswordHasher.MIN_LENGTH, code = ErrorCode.PASSWORD_TOO_SHORT)
          @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG)
          String newPassword,
      Boolean revokeOtherSessions) {}

  /** {@code POST /request-password-reset}. */
  public record RequestReset(
      @NotNull(message = Messages.REQUIRED_STRING) @EmailAddress String email,
      @Size(max = 2048, message = Messages.TOO_BIG)
          @TrustedUrl(code = ErrorCode.INVALID_REDIRECT_URL)
          String redirectTo) {}

  /**
   * {@code POST /reset-password}; the token may come in the query instead. The new password's
   * length is checked before the token is used up.
   */
  public record Reset(
      @NotNull(message = Messages.REQUIRED_STRING)
          @Length(min = PasswordHasher.MIN_LENGTH, code = ErrorCode.PASSWORD_TOO_SHORT)
          @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG)
          String newPassword,
      @Size(max = 256, message = Messages.TOO_BIG) String token) {}

  /** {@code POST /verify-password}. */
  public record Verify(@NotNull(message = Messages.REQUIRED_STRING) String password) {}

  /** {@code POST /set-password}. */
  public record SetPassword(
      @NotNull(message = Messages.REQUIRED_STRING)
          @Length(min = PasswordHasher.MIN_LENGTH, code = ErrorCode.PASSWORD_TOO_SHORT)
          @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.PASSWORD_TOO_LONG)
          String newPassword) {}
}

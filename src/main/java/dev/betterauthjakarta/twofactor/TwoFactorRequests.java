package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Length;
import dev.betterauthjakarta.platform.Messages;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the two-factor routes (Better Auth's two-factor plugin). */
public final class TwoFactorRequests {
  private TwoFactorRequests() {}

  /** disable, get-totp-uri, generate-backup-codes: the password proves presence. */
  public record Password(
      @NotNull(message = Messages.REQUIRED_STRING)
          @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.INVALID_PASSWORD)
          String password) {}

  /** enable: {@code method} is {@code totp} (default) or {@code otp}. */
  public record Enable(
      @NotNull(message = Messages.REQUIRED_STRING)
          @Length(max = PasswordHasher.MAX_LENGTH, code = ErrorCode.INVALID_PASSWORD)
          String password,
      @Size(min = 1, max = 100, message = "Invalid input: expected 1-100 characters") String issuer,
      @Pattern(regexp = "totp|otp", message = "Invalid option: expected one of \"totp\"|\"otp\"")
          String method) {

    boolean byMail() {
      return "otp".equals(method);
    }
  }

  /**
   * verify-totp, verify-otp, verify-backup-code. {@code twoFactorToken} (ours) names the pending
   * sign-in for a client without cookies, like the {@code X-Two-Factor-Token} header.
   */
  public record Code(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 64, message = Messages.TOO_BIG)
          String code,
      Boolean trustDevice,
      Boolean disableSession,
      @Size(max = 64, message = Messages.TOO_BIG) String twoFactorToken) {

    boolean trusted() {
      return Boolean.TRUE.equals(trustDevice);
    }

    boolean noSession() {
      return Boolean.TRUE.equals(disableSession);
    }
  }

  /** send-otp ({@code trustDevice} is accepted and ignored, as in Better Auth). */
  public record SendOtp(
      Boolean trustDevice, @Size(max = 64, message = Messages.TOO_BIG) String twoFactorToken) {}
}

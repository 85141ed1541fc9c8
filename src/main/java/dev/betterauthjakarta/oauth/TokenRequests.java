package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.Messages;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the provider-token routes and of the bearer-only finish. */
final class TokenRequests {
  private TokenRequests() {}

  /**
   * Which account: Better Auth 1.7's {@code {accountId: <row id>}} or 1.6's {@code {providerId,
   * accountId?: <the provider's id for the user>}}. {@code userId} is for Better Auth's server-side
   * calls; over HTTP the session's user always wins, so it is read and ignored.
   */
  public record AccountSelector(
      @Size(max = 1024, message = Messages.TOO_BIG) String accountId,
      @Size(max = 64, message = Messages.TOO_BIG) String providerId,
      @Size(max = 1024, message = Messages.TOO_BIG) String userId,
      Boolean useAccountCookie) {

    /**
     * @throws dev.betterauthjakarta.platform.AuthException 400 VALIDATION_ERROR when neither
     *     accountId nor providerId names an account
     */
    AccountSelector require() {
      if (accountId == null && providerId == null) {
        throw Body.invalid("accountId", "Invalid input: expected string, received undefined");
      }
      return this;
    }
  }

  /** {@code POST /sign-in/social/exchange}: the exchange code and the flow's secret. */
  public record Exchange(
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 256, message = Messages.TOO_BIG)
          String exchangeCode,
      @NotNull(message = Messages.REQUIRED_STRING) @Size(max = 256, message = Messages.TOO_BIG)
          String exchangeSecret) {}

  /** A provider's callback posted as JSON (most post a form). */
  public record CallbackBody(
      @Size(max = 4096, message = Messages.TOO_BIG) String code,
      @Size(max = 4096, message = Messages.TOO_BIG) String state,
      @Size(max = 256, message = Messages.TOO_BIG) String error,
      @Size(max = 2048, message = Messages.TOO_BIG) String error_description,
      @Size(max = 2048, message = Messages.TOO_BIG) String iss,
      @Size(max = 8192, message = Messages.TOO_BIG) String user,
      @Size(max = 1024, message = Messages.TOO_BIG) String device_id) {}
}

package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.Messages;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /unlink-account} in both shapes: the seed's (and Better Auth 1.6's) {@code
 * {providerId, accountId?}} where accountId is the provider's id for the user, and Better Auth
 * 1.7's {@code {accountId}} where it is the account row's id. A body with providerId is the first
 * kind.
 */
public record UnlinkRequest(
    @Size(max = 256, message = Messages.TOO_BIG) String providerId,
    @Size(max = 1024, message = Messages.TOO_BIG) String accountId) {

  /**
   * Checks that the request names an account.
   *
   * @throws dev.betterauthjakarta.platform.AuthException 400 VALIDATION_ERROR when neither field is
   *     given
   */
  public UnlinkRequest requireTarget() {
    if (providerId == null && accountId == null) {
      throw Body.invalid("providerId", "Invalid input: expected providerId or accountId");
    }
    return this;
  }

  /** Whether the account is the one this request names. */
  public boolean matches(Account account) {
    if (providerId != null) {
      return providerId.equals(account.getProviderId())
          && (accountId == null || accountId.equals(account.getAccountId()));
    }
    return accountId.equals(account.getId());
  }
}

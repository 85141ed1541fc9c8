package dev.betterauthjakarta.account;

import dev.betterauthjakarta.platform.Body;
import java.util.Optional;

/**
 * {@code POST /unlink-account} in both shapes: the seed's (and Better Auth 1.6's)
 * {@code {providerId, accountId?}} where accountId is the provider's id for the user, and Better
 * Auth 1.7's {@code {accountId}} where it is the account row's id. A body with providerId is the
 * first kind.
 */
public record UnlinkRequest(Optional<String> providerId, Optional<String> accountId) {

  public static UnlinkRequest from(Body body) {
    Optional<String> providerId = body.optionalString("providerId", 256);
    Optional<String> accountId = body.optionalString("accountId", 1024);
    if (providerId.isEmpty() && accountId.isEmpty()) {
      throw Body.invalid("providerId", "Invalid input: expected providerId or accountId");
    }
    return new UnlinkRequest(providerId, accountId);
  }

  public boolean matches(Account account) {
    if (providerId.isPresent()) {
      return providerId.get().equals(account.getProviderId())
          && accountId.map(id -> id.equals(account.getAccountId())).orElse(true);
    }
    return accountId.get().equals(account.getId());
  }
}

package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.identity.IdentityService;
import java.time.Instant;
import java.util.List;

/**
 * An account on the wire. It has no field for the password or any provider token, so none can leak;
 * {@code scope} becomes Better Auth's {@code scopes} list.
 */
public record AccountView(
    String id,
    String accountId,
    String providerId,
    String userId,
    Instant createdAt,
    Instant updatedAt,
    List<String> scopes) {

  public static AccountView from(Account a) {
    return new AccountView(
        a.getId(),
        a.getAccountId(),
        a.getProviderId(),
        a.getUserId(),
        a.getCreatedAt(),
        a.getUpdatedAt(),
        IdentityService.scopesOf(a.getScope()));
  }
}

package dev.betterauthjakarta.accounts;

import dev.betterauthjakarta.identity.Account;
import java.time.Instant;
import java.util.Arrays;
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
        scopes(a.getScope()));
  }

  /** Better Auth 1.7: split on commas, trimmed, empties dropped. */
  static List<String> scopes(String scope) {
    if (scope == null) {
      return List.of();
    }
    return Arrays.stream(scope.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}

package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.ProviderTokens;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A caller's provider tokens: {@code get-access-token} (refreshed when about to expire) and {@code
 * refresh-token} (always refreshed).
 *
 * <p>A refresh holds the account row's lock while it calls the provider. That is the one place a
 * provider call holds a lock, on purpose: two callers refreshing one account at once would both
 * spend the refresh token, and providers that rotate refresh tokens (and revoke the family on
 * reuse) would then log the user out of the provider. The lock covers one account of one user, and
 * the call is bounded by the HTTP timeouts; the second caller waits and gets the fresh token.
 */
@Stateless
public class ProviderTokenService {
  /** Better Auth refreshes a token that expires within this much. */
  private static final Duration EARLY = Duration.ofSeconds(5);

  @Inject IdentityService identities;
  @Inject Providers providers;
  @Inject Clock clock;

  /** A usable access token of one of the caller's accounts. */
  public record Valid(
      String rowId,
      String providerId,
      String accessToken,
      Instant accessTokenExpiresAt,
      List<String> scopes,
      String idToken) {}

  /**
   * {@code get-access-token}: the stored access token, refreshed first when it expires within 5
   * seconds and a refresh token exists.
   *
   * @param forAccountInfo answer account-info's errors (PROVIDER_NOT_CONFIGURED,
   *     ACCESS_TOKEN_NOT_FOUND) instead of get-access-token's
   * @throws AuthException 400 ACCOUNT_NOT_FOUND, PROVIDER_NOT_SUPPORTED, FAILED_TO_GET_ACCESS_TOKEN
   */
  public Valid validToken(
      Caller caller, TokenRequests.AccountSelector selector, boolean forAccountInfo) {
    Account account = locked(caller, selector);
    IdentityProvider p =
        providers
            .find(account.getProviderId())
            .orElseThrow(
                () ->
                    forAccountInfo
                        ? new AuthException(ErrorCode.PROVIDER_NOT_CONFIGURED)
                        : notSupported(account.getProviderId()));
    ProviderTokens t = readable(account, ErrorCode.FAILED_TO_GET_ACCESS_TOKEN);
    if (t.refreshToken() != null
        && t.accessTokenExpiresAt() != null
        && t.accessTokenExpiresAt().isBefore(clock.instant().plus(EARLY))) {
      ProviderTokens fresh;
      try {
        fresh = p.refresh(t.refreshToken());
      } catch (ProviderFailure e) {
        throw new AuthException(ErrorCode.FAILED_TO_GET_ACCESS_TOKEN);
      }
      identities.storeTokens(account, fresh, false);
      t = fresh.over(t);
    }
    if (t.accessToken() == null) {
      throw new AuthException(
          forAccountInfo ? ErrorCode.ACCESS_TOKEN_NOT_FOUND : ErrorCode.FAILED_TO_GET_ACCESS_TOKEN);
    }
    return new Valid(
        account.getId(),
        account.getProviderId(),
        t.accessToken(),
        t.accessTokenExpiresAt(),
        IdentityService.scopesOf(account.getScope()),
        t.idToken());
  }

  /** What refresh-token answers. */
  public record Refreshed(Account account, ProviderTokens tokens) {}

  /**
   * {@code refresh-token}: always asks the provider for new tokens.
   *
   * @throws AuthException 400 ACCOUNT_NOT_FOUND, PROVIDER_NOT_SUPPORTED, REFRESH_TOKEN_NOT_FOUND,
   *     FAILED_TO_REFRESH_ACCESS_TOKEN
   */
  public Refreshed refresh(Caller caller, TokenRequests.AccountSelector selector) {
    Account account = locked(caller, selector);
    IdentityProvider p =
        providers
            .find(account.getProviderId())
            .orElseThrow(() -> notSupported(account.getProviderId()));
    ProviderTokens t = readable(account, ErrorCode.FAILED_TO_REFRESH_ACCESS_TOKEN);
    if (t.refreshToken() == null) {
      throw new AuthException(ErrorCode.REFRESH_TOKEN_NOT_FOUND);
    }
    ProviderTokens fresh;
    try {
      fresh = p.refresh(t.refreshToken());
    } catch (ProviderFailure e) {
      throw new AuthException(ErrorCode.FAILED_TO_REFRESH_ACCESS_TOKEN);
    }
    identities.storeTokens(account, fresh, false);
    return new Refreshed(account, fresh.over(t));
  }

  /** The caller's account the selector names, locked; another user's behaves as missing. */
  private Account locked(Caller caller, TokenRequests.AccountSelector selector) {
    selector.require();
    if (Boolean.TRUE.equals(selector.useAccountCookie()) && selector.accountId() == null) {
      // This service keeps no account cookie (Better Auth's storeAccountCookie).
      throw new AuthException(ErrorCode.ACCOUNT_NOT_FOUND);
    }
    return (selector.providerId() != null
            ? identities.findAccountLocked(
                caller.userId(), selector.providerId(), selector.accountId())
            : identities.findAccountLocked(caller.userId(), selector.accountId()))
        .orElseThrow(() -> new AuthException(ErrorCode.ACCOUNT_NOT_FOUND));
  }

  private ProviderTokens readable(Account account, ErrorCode otherwise) {
    // Empty: sealed with a secret no longer configured, or not this row's.
    return identities.tokensOf(account).orElseThrow(() -> new AuthException(otherwise));
  }

  private static AuthException notSupported(String providerId) {
    return new AuthException(
        ErrorCode.PROVIDER_NOT_SUPPORTED, "Provider " + providerId + " is not supported.");
  }
}

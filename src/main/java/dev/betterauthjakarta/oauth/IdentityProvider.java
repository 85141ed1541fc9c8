package dev.betterauthjakarta.oauth;

import dev.betterauthjakarta.identity.ProviderTokens;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One configured provider at run time: builds the authorization URL, redeems a code, verifies id
 * tokens, refreshes tokens and reads the profile. Every call to the provider goes over HTTP with
 * short timeouts and never inside a database transaction's lock, except a refresh (see {@link
 * ProviderTokenService}). Every failure is a {@link ProviderFailure}.
 */
sealed interface IdentityProvider permits OidcProvider, GitHubProvider {

  /** What the code exchange gave: the tokens and who the user is. */
  record Exchanged(ProviderTokens tokens, ProviderProfile profile) {}

  /** What the authorization URL carries besides the provider's own settings. */
  record Authorization(
      URI redirectUri,
      String state,
      String codeVerifier,
      String nonce,
      List<String> extraScopes,
      String loginHint,
      Map<String, String> extraParams) {}

  ProviderSettings settings();

  default String id() {
    return settings().id();
  }

  /** Whether each flow binds a nonce into the id token (OpenID Connect providers). */
  boolean bindsNonce();

  /** Whether the provider issues id tokens that the id-token sign-in can verify. */
  boolean supportsIdTokens();

  /**
   * The authorization URL.
   *
   * @throws ProviderFailure provider_unavailable when the provider's metadata cannot be read
   */
  URI authorizationUrl(Authorization authorization);

  /**
   * Redeems an authorization code and reads the profile.
   *
   * @param nonce the flow's nonce the id token must carry, or null
   * @throws ProviderFailure invalid_code, unable_to_get_user_info, provider_unavailable
   */
  Exchanged exchange(String code, URI redirectUri, String codeVerifier, String nonce);

  /**
   * Verifies an id token a client obtained itself: signature, issuer, audience, expiry, and the
   * nonce when one is given.
   *
   * @throws ProviderFailure invalid_token, unable_to_get_user_info
   */
  ProviderProfile verifyIdToken(String idToken, String nonce);

  /**
   * New tokens for a refresh token.
   *
   * @throws ProviderFailure invalid_code when the provider refuses, provider_unavailable
   */
  ProviderTokens refresh(String refreshToken);

  /**
   * The profile an access token gives access to.
   *
   * @throws ProviderFailure unable_to_get_user_info
   */
  ProviderProfile userInfo(String accessToken);
}

package dev.betterauthjakarta.identity;

import java.time.Instant;
import java.util.List;

/**
 * What an identity provider handed over for an account, in plaintext (only {@link IdentityService}
 * stores it, sealed). A null field is one the provider did not send; when updating an account, such
 * a field keeps its stored value.
 *
 * @param scopes the scopes granted (empty when the provider did not say)
 */
public record ProviderTokens(
    String accessToken,
    String refreshToken,
    String idToken,
    Instant accessTokenExpiresAt,
    Instant refreshTokenExpiresAt,
    List<String> scopes) {

  public ProviderTokens {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** Nothing at all (an identity proved by an id token alone keeps only that token). */
  public static ProviderTokens none() {
    return new ProviderTokens(null, null, null, null, null, List.of());
  }

  /** These tokens, with the fields this one lacks taken from {@code stored}. */
  public ProviderTokens over(ProviderTokens stored) {
    return new ProviderTokens(
        accessToken != null ? accessToken : stored.accessToken,
        refreshToken != null ? refreshToken : stored.refreshToken,
        idToken != null ? idToken : stored.idToken,
        accessToken != null ? accessTokenExpiresAt : stored.accessTokenExpiresAt,
        refreshTokenExpiresAt != null ? refreshTokenExpiresAt : stored.refreshTokenExpiresAt,
        scopes.isEmpty() ? stored.scopes : scopes);
  }
}

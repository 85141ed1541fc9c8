package dev.betterauthjakarta.oauth;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One configured identity provider, as {@link OAuthSettings} read it (keys {@code
 * better.auth.oauth.<id>.*}).
 *
 * @param id the provider's id on the wire ({@code provider} in requests, the callback path)
 * @param clientSecret null for a public client (PKCE only)
 * @param audiences the id-token audiences accepted: the client id, then any extra ones (mobile
 *     apps' client ids for the id-token sign-in)
 * @param issuer the OpenID Connect issuer (null for GitHub)
 * @param discoveryUrl where the issuer's metadata is read (default: the issuer's well-known URL)
 * @param authorizationEndpoint overrides discovery (required for GitHub, preset there)
 * @param tokenEndpoint overrides discovery (required for GitHub, preset there)
 * @param apiUrl GitHub's REST API (GitHub Enterprise: {@code https://host/api/v3})
 * @param claims which claims carry the profile
 * @param authorizationParams extra parameters for the authorization URL (e.g. {@code
 *     prompt=select_account})
 */
public record ProviderSettings(
    String id,
    ProviderKind kind,
    String clientId,
    String clientSecret,
    List<String> audiences,
    URI issuer,
    URI discoveryUrl,
    List<String> scopes,
    boolean pkce,
    ClientAuthentication clientAuthentication,
    URI authorizationEndpoint,
    URI tokenEndpoint,
    URI apiUrl,
    ClaimNames claims,
    boolean disableSignUp,
    boolean disableImplicitSignUp,
    boolean disableIdTokenSignIn,
    Map<String, String> authorizationParams) {

  /** How the client authenticates at the token endpoint. */
  public enum ClientAuthentication {
    CLIENT_SECRET_POST,
    CLIENT_SECRET_BASIC
  }

  /** The claims (or GitHub fields) that carry the user's profile. */
  public record ClaimNames(
      String subject, String email, String emailVerified, String name, String image) {}
}

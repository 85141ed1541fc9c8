package dev.betterauthjakarta.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.betterauthjakarta.identity.ProviderTokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub: plain OAuth 2.0 (no id token), the user from its REST API: {@code GET /user} for the id,
 * name and picture, {@code GET /user/emails} for the addresses and whether GitHub verified them.
 * The email is the profile's public one, else the primary one; it counts as verified only when
 * GitHub lists it as verified. Endpoints are configurable for GitHub Enterprise.
 */
final class GitHubProvider implements IdentityProvider {
  private final ProviderSettings settings;
  private final Clock clock;

  GitHubProvider(ProviderSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ProviderSettings settings() {
    return settings;
  }

  @Override
  public boolean bindsNonce() {
    return false;
  }

  @Override
  public boolean supportsIdTokens() {
    return false;
  }

  @Override
  public URI authorizationUrl(Authorization a) {
    List<String> scopes = new ArrayList<>(settings.scopes());
    a.extraScopes().stream().filter(s -> !scopes.contains(s)).forEach(scopes::add);
    AuthorizationRequest.Builder b =
        new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(settings.clientId()))
            .endpointURI(settings.authorizationEndpoint())
            .redirectionURI(a.redirectUri())
            .scope(new Scope(scopes.toArray(String[]::new)))
            .state(new State(a.state()));
    if (a.codeVerifier() != null) {
      b.codeChallenge(new CodeVerifier(a.codeVerifier()), CodeChallengeMethod.S256);
    }
    Map<String, String> params = new LinkedHashMap<>(settings.authorizationParams());
    if (a.loginHint() != null) {
      params.put("login", a.loginHint()); // GitHub's name for login_hint
    }
    params.putAll(a.extraParams());
    params.forEach(b::customParameter);
    return b.build().toURI();
  }

  @Override
  public Exchanged exchange(String code, URI redirectUri, String codeVerifier, String nonce) {
    AccessTokenResponse response =
        ProviderHttp.redeemCode(
            settings, settings.tokenEndpoint(), code, redirectUri, codeVerifier);
    ProviderTokens tokens = ProviderHttp.providerTokens(response, null, settings.scopes(), clock);
    return new Exchanged(tokens, userInfo(tokens.accessToken()));
  }

  @Override
  public ProviderProfile verifyIdToken(String idToken, String nonce) {
    throw new ProviderFailure(ProviderFailure.INVALID_TOKEN, "GitHub issues no id tokens");
  }

  @Override
  public ProviderTokens refresh(String refreshToken) {
    // GitHub Apps with expiring user tokens refresh at the same token endpoint.
    AccessTokenResponse response =
        ProviderHttp.tokens(
            settings,
            ProviderHttp.tokenRequest(
                settings,
                settings.tokenEndpoint(),
                new RefreshTokenGrant(new RefreshToken(refreshToken))));
    return ProviderHttp.providerTokens(response, null, List.of(), clock);
  }

  @Override
  public ProviderProfile userInfo(String accessToken) {
    if (!(get("/user", accessToken) instanceof JsonObject user)) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_GET_USER_INFO, "/user is no object");
    }
    var names = settings.claims();
    String email = ProviderHttp.string(user, names.email());
    boolean verified = false;
    JsonStructure emails = get("/user/emails", accessToken);
    if (emails instanceof JsonArray list) {
      JsonObject chosen = null;
      for (JsonValue v : list) {
        if (v instanceof JsonObject entry) {
          String address = ProviderHttp.string(entry, "email");
          if (email != null && email.equalsIgnoreCase(address)) {
            chosen = entry;
            break;
          }
          if (email == null && ProviderHttp.bool(entry, "primary")) {
            chosen = entry;
          }
        }
      }
      if (chosen != null) {
        email = ProviderHttp.string(chosen, "email");
        verified = ProviderHttp.bool(chosen, "verified");
      }
    }
    String subject = ProviderHttp.string(user, names.subject());
    if (!ProviderProfile.isUsableSubject(subject)) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_GET_USER_INFO, "no usable id");
    }
    String name = ProviderHttp.string(user, names.name());
    return new ProviderProfile(
        subject,
        email,
        verified,
        name != null ? name : ProviderHttp.string(user, "login"),
        ProviderHttp.string(user, names.image()),
        user);
  }

  private JsonStructure get(String path, String accessToken) {
    String base = settings.apiUrl().toString().replaceAll("/+$", "");
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(base + path));
    request.setAuthorization("Bearer " + accessToken);
    request.setAccept("application/vnd.github+json");
    request.setHeader("User-Agent", "better-auth-jakarta");
    return ProviderHttp.json(ProviderHttp.send(request, settings.id()), settings.id());
  }
}

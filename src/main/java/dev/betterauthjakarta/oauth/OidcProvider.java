package dev.betterauthjakarta.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.betterauthjakarta.identity.ProviderTokens;
import dev.betterauthjakarta.platform.Jsons;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A generic OpenID Connect provider (and the Google, Microsoft Entra ID and GitLab presets): its
 * metadata comes from discovery on first use (and again after a failure, so a provider that was
 * down at startup does not need a redeploy), id tokens are verified by Nimbus against the issuer's
 * JWKS (signature, issuer, audience, expiry, nonce), codes are redeemed with PKCE.
 */
final class OidcProvider implements IdentityProvider {
  private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());

  private final ProviderSettings settings;
  private final Clock clock;
  private volatile Resolved resolved;

  /** Discovery's result and what is built from it once. */
  private record Resolved(OIDCProviderMetadata metadata, List<IDTokenValidator> validators) {}

  OidcProvider(ProviderSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ProviderSettings settings() {
    return settings;
  }

  @Override
  public boolean bindsNonce() {
    return true;
  }

  @Override
  public boolean supportsIdTokens() {
    return !settings.disableIdTokenSignIn();
  }

  private Resolved resolved() {
    Resolved r = resolved;
    if (r != null) {
      return r;
    }
    synchronized (this) {
      if (resolved == null) {
        resolved = resolve();
      }
      return resolved;
    }
  }

  /** Reads the issuer's metadata (the issuer in it must be the configured one). */
  private Resolved resolve() {
    OIDCProviderMetadata metadata;
    try {
      metadata =
          OIDCProviderMetadata.resolve(
              new Issuer(settings.issuer()),
              settings.discoveryUrl().toURL(),
              ProviderHttp.CONNECT_TIMEOUT_MS,
              ProviderHttp.READ_TIMEOUT_MS);
    } catch (GeneralException | IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Provider "
              + settings.id()
              + ": discovery at "
              + settings.discoveryUrl()
              + " failed: "
              + e);
      throw new ProviderFailure(ProviderFailure.PROVIDER_UNAVAILABLE, "discovery failed");
    }
    if (metadata.getJWKSetURI() == null) {
      throw new ProviderFailure(ProviderFailure.PROVIDER_UNAVAILABLE, "no jwks_uri");
    }
    Set<JWSAlgorithm> algorithms =
        metadata.getIDTokenJWSAlgs() == null || metadata.getIDTokenJWSAlgs().isEmpty()
            ? Set.of(JWSAlgorithm.RS256)
            : new HashSet<>(metadata.getIDTokenJWSAlgs());
    algorithms.removeIf(a -> a.getName().startsWith("HS") || a.getName().equals("none"));
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(
                  metadata.getJWKSetURI().toURL(),
                  new DefaultResourceRetriever(
                      ProviderHttp.CONNECT_TIMEOUT_MS,
                      ProviderHttp.READ_TIMEOUT_MS,
                      ProviderHttp.MAX_ANSWER_CHARS))
              .build();
    } catch (MalformedURLException e) {
      throw new ProviderFailure(ProviderFailure.PROVIDER_UNAVAILABLE, "bad jwks_uri");
    }
    List<IDTokenValidator> validators = new ArrayList<>();
    for (String audience : settings.audiences()) {
      validators.add(
          new IDTokenValidator(
              metadata.getIssuer(),
              new ClientID(audience),
              new JWSVerificationKeySelector<>(algorithms, keys),
              null));
    }
    return new Resolved(metadata, List.copyOf(validators));
  }

  private URI authorizationEndpoint() {
    return settings.authorizationEndpoint() != null
        ? settings.authorizationEndpoint()
        : resolved().metadata().getAuthorizationEndpointURI();
  }

  private URI tokenEndpoint() {
    URI uri =
        settings.tokenEndpoint() != null
            ? settings.tokenEndpoint()
            : resolved().metadata().getTokenEndpointURI();
    if (uri == null) {
      throw new ProviderFailure(ProviderFailure.INVALID_CODE, "no token endpoint");
    }
    return uri;
  }

  @Override
  public URI authorizationUrl(Authorization a) {
    List<String> scopes = new ArrayList<>();
    scopes.add("openid");
    settings.scopes().stream().filter(s -> !scopes.contains(s)).forEach(scopes::add);
    a.extraScopes().stream().filter(s -> !scopes.contains(s)).forEach(scopes::add);
    AuthenticationRequest.Builder b =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope(scopes.toArray(String[]::new)),
                new ClientID(settings.clientId()),
                a.redirectUri())
            .endpointURI(authorizationEndpoint())
            .state(new State(a.state()))
            .nonce(a.nonce() == null ? null : new Nonce(a.nonce()));
    if (a.codeVerifier() != null) {
      b.codeChallenge(new CodeVerifier(a.codeVerifier()), CodeChallengeMethod.S256);
    }
    if (a.loginHint() != null) {
      b.loginHint(a.loginHint());
    }
    Map<String, String> params = new LinkedHashMap<>(settings.authorizationParams());
    params.putAll(a.extraParams());
    params.forEach(b::customParameter);
    return b.build().toURI();
  }

  @Override
  public Exchanged exchange(String code, URI redirectUri, String codeVerifier, String nonce) {
    AccessTokenResponse response =
        ProviderHttp.redeemCode(settings, tokenEndpoint(), code, redirectUri, codeVerifier);
    String idToken = idTokenOf(response);
    JsonObject claims;
    if (idToken != null) {
      claims = verify(idToken, nonce, ProviderFailure.UNABLE_TO_GET_USER_INFO);
    } else {
      claims = null; // a provider that sends none: the userinfo endpoint says who it is
    }
    ProviderTokens tokens =
        ProviderHttp.providerTokens(response, idToken, settings.scopes(), clock);
    ProviderProfile profile = profile(claims, tokens.accessToken());
    return new Exchanged(tokens, profile);
  }

  private static String idTokenOf(AccessTokenResponse response) {
    if (response instanceof OIDCTokenResponse oidc && oidc.getOIDCTokens().getIDToken() != null) {
      return oidc.getOIDCTokens().getIDTokenString();
    }
    return null;
  }

  /**
   * The profile from verified id-token claims, completed from the userinfo endpoint when the token
   * lacks the email (the userinfo answer must be about the same subject).
   */
  private ProviderProfile profile(JsonObject idClaims, String accessToken) {
    JsonObject claims = idClaims;
    var names = settings.claims();
    if (claims == null || ProviderHttp.string(claims, names.email()) == null) {
      JsonObject info = userInfoClaims(accessToken);
      if (claims != null
          && !String.valueOf(ProviderHttp.string(claims, "sub"))
              .equals(ProviderHttp.string(info, "sub"))) {
        throw new ProviderFailure(
            ProviderFailure.UNABLE_TO_GET_USER_INFO, "userinfo is about another subject");
      }
      // amr counts only as the verified id token states it (the two-factor exemption reads it).
      info = Jsons.PROVIDER.createObjectBuilder(info).remove("amr").build();
      claims =
          claims == null ? info : withUserInfo(claims, info, names.email(), names.emailVerified());
    }
    return toProfile(claims);
  }

  /**
   * The id token's claims completed from the userinfo answer (the id token wins where both speak).
   * When the address comes from userinfo, so does the word on whether it is verified: an id token
   * that says {@code email_verified: true} without naming an address vouches for none, and must not
   * verify the one userinfo named.
   */
  static JsonObject withUserInfo(
      JsonObject idClaims, JsonObject info, String emailClaim, String emailVerifiedClaim) {
    boolean addressFromUserInfo = ProviderHttp.string(idClaims, emailClaim) == null;
    var b = Jsons.PROVIDER.createObjectBuilder(info);
    idClaims.forEach(
        (name, value) -> {
          if (!(addressFromUserInfo && name.equals(emailVerifiedClaim))) {
            b.add(name, value);
          }
        });
    return b.build();
  }

  private ProviderProfile toProfile(JsonObject claims) {
    var names = settings.claims();
    String subject = ProviderHttp.string(claims, names.subject());
    if (!ProviderProfile.isUsableSubject(subject)) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_GET_USER_INFO, "no usable subject");
    }
    return new ProviderProfile(
        subject,
        ProviderHttp.string(claims, names.email()),
        ProviderHttp.bool(claims, names.emailVerified()),
        ProviderHttp.string(claims, names.name()),
        ProviderHttp.string(claims, names.image()),
        claims);
  }

  /** The claims of an id token that verifies for one of the accepted audiences. */
  private JsonObject verify(String idToken, String nonce, String failureCode) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(idToken);
    } catch (java.text.ParseException e) {
      throw new ProviderFailure(failureCode, "not a JWT");
    }
    Exception last = null;
    for (IDTokenValidator validator : resolved().validators()) {
      try {
        IDTokenClaimsSet claims = validator.validate(jwt, nonce == null ? null : new Nonce(nonce));
        return ProviderHttp.json(claims.toJSONObject());
      } catch (BadJOSEException | JOSEException e) {
        last = e;
      }
    }
    LOG.info("Provider " + settings.id() + ": id token refused: " + last);
    throw new ProviderFailure(failureCode, "id token refused");
  }

  @Override
  public ProviderProfile verifyIdToken(String idToken, String nonce) {
    return toProfile(verify(idToken, nonce, ProviderFailure.INVALID_TOKEN));
  }

  @Override
  public ProviderTokens refresh(String refreshToken) {
    AccessTokenResponse response =
        ProviderHttp.tokens(
            settings,
            ProviderHttp.tokenRequest(
                settings, tokenEndpoint(), new RefreshTokenGrant(new RefreshToken(refreshToken))));
    // A refreshed id token came straight from the token endpoint over TLS, as at sign-in; it only
    // replaces the stored one and proves nothing here, so it is kept as sent.
    return ProviderHttp.providerTokens(response, idTokenOf(response), List.of(), clock);
  }

  @Override
  public ProviderProfile userInfo(String accessToken) {
    return toProfile(userInfoClaims(accessToken));
  }

  private JsonObject userInfoClaims(String accessToken) {
    URI endpoint = resolved().metadata().getUserInfoEndpointURI();
    if (endpoint == null || accessToken == null) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_GET_USER_INFO, "no userinfo endpoint");
    }
    HTTPResponse response =
        ProviderHttp.send(
            new UserInfoRequest(endpoint, new BearerAccessToken(accessToken)).toHTTPRequest(),
            settings.id());
    if (response.getEntityContentType() != null
        && response.getEntityContentType().getBaseType().toString().equals("application/jwt")) {
      throw new ProviderFailure(
          ProviderFailure.UNABLE_TO_GET_USER_INFO, "signed userinfo is not supported");
    }
    var json = ProviderHttp.json(response, settings.id());
    if (!(json instanceof JsonObject object)) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_GET_USER_INFO, "userinfo not an object");
    }
    return object;
  }
}

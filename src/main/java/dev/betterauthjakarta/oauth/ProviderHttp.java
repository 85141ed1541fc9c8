package dev.betterauthjakarta.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.betterauthjakarta.identity.ProviderTokens;
import dev.betterauthjakarta.platform.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Calls to a provider over HTTP, all with the same short timeouts, through Nimbus. */
final class ProviderHttp {
  private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());
  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final int READ_TIMEOUT_MS = 10_000;

  /** The most of a provider's answer that is read (a profile or token response is far smaller). */
  static final int MAX_ANSWER_CHARS = 256 * 1024;

  private ProviderHttp() {}

  static HTTPRequest prepared(HTTPRequest request) {
    request.setConnectTimeout(CONNECT_TIMEOUT_MS);
    request.setReadTimeout(READ_TIMEOUT_MS);
    request.setFollowRedirects(false);
    return request;
  }

  static HTTPResponse send(HTTPRequest request, String providerId) {
    try {
      return prepared(request).send();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Provider " + providerId + " did not answer: " + e);
      throw new ProviderFailure(ProviderFailure.PROVIDER_UNAVAILABLE, e.toString());
    }
  }

  /** The client's credentials at the token endpoint, as configured. */
  static ClientAuthentication clientAuthentication(ProviderSettings p) {
    if (p.clientSecret() == null) {
      return null; // a public client: client_id in the body, PKCE proves the caller
    }
    return switch (p.clientAuthentication()) {
      case CLIENT_SECRET_BASIC ->
          new ClientSecretBasic(new ClientID(p.clientId()), new Secret(p.clientSecret()));
      case CLIENT_SECRET_POST ->
          new ClientSecretPost(new ClientID(p.clientId()), new Secret(p.clientSecret()));
    };
  }

  static TokenRequest tokenRequest(ProviderSettings p, URI endpoint, AuthorizationGrant grant) {
    ClientAuthentication auth = clientAuthentication(p);
    return auth != null
        ? new TokenRequest(endpoint, auth, grant)
        : new TokenRequest(endpoint, new ClientID(p.clientId()), grant);
  }

  /** A token endpoint's successful answer, or invalid_code for an error or an unreadable one. */
  /**
   * Redeems an authorization code at {@code endpoint} (RFC 6749 section 4.1.3, with the PKCE
   * verifier of RFC 7636 when the flow has one).
   *
   * @param codeVerifier the flow's PKCE verifier, or {@code null} without PKCE
   * @return the provider's token answer
   * @throws ProviderFailure as {@link #tokens} does
   */
  static com.nimbusds.oauth2.sdk.AccessTokenResponse redeemCode(
      ProviderSettings p, URI endpoint, String code, URI redirectUri, String codeVerifier) {
    AuthorizationGrant grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code),
            redirectUri,
            codeVerifier == null ? null : new CodeVerifier(codeVerifier));
    return tokens(p, tokenRequest(p, endpoint, grant));
  }

  static com.nimbusds.oauth2.sdk.AccessTokenResponse tokens(
      ProviderSettings p, TokenRequest request) {
    HTTPRequest http = request.toHTTPRequest();
    http.setAccept("application/json"); // GitHub answers form-encoded otherwise
    HTTPResponse response = send(http, p.id());
    if (response.getBody() != null && response.getBody().length() > MAX_ANSWER_CHARS) {
      throw new ProviderFailure(ProviderFailure.INVALID_CODE, "token answer too large");
    }
    TokenResponse parsed;
    try {
      parsed = OIDCTokenResponseParser.parse(response);
    } catch (ParseException e) {
      throw new ProviderFailure(ProviderFailure.INVALID_CODE, "unreadable token answer: " + e);
    }
    if (!parsed.indicatesSuccess()) {
      throw new ProviderFailure(
          ProviderFailure.INVALID_CODE,
          "token endpoint refused: " + parsed.toErrorResponse().getErrorObject());
    }
    return parsed.toSuccessResponse();
  }

  /**
   * The tokens of a successful token answer: expiries from {@code expires_in} and {@code
   * refresh_token_expires_in}, scopes from {@code scope} (comma- or space-separated) or, when the
   * provider did not say, the ones asked for.
   */
  static ProviderTokens providerTokens(
      com.nimbusds.oauth2.sdk.AccessTokenResponse response,
      String idToken,
      List<String> requestedScopes,
      Clock clock) {
    Tokens tokens = response.getTokens();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long lifetime = tokens.getAccessToken().getLifetime();
    Instant accessExpires = lifetime > 0 ? now.plusSeconds(lifetime) : null;
    Object refreshLifetime = response.getCustomParameters().get("refresh_token_expires_in");
    Instant refreshExpires =
        refreshLifetime instanceof Number n && n.longValue() > 0
            ? now.plusSeconds(n.longValue())
            : null;
    Scope scope = tokens.getAccessToken().getScope();
    List<String> scopes =
        scope != null
            ? OAuthSettings.list(String.join(" ", scope.toStringList()))
            : requestedScopes;
    return new ProviderTokens(
        tokens.getAccessToken().getValue(),
        tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
        idToken,
        accessExpires,
        refreshExpires,
        scopes);
  }

  /** A provider's JSON answer (an object or array), or unable_to_get_user_info. */
  static JsonStructure json(HTTPResponse response, String providerId) {
    if (!response.indicatesSuccess()) {
      throw new ProviderFailure(
          ProviderFailure.UNABLE_TO_GET_USER_INFO,
          "provider " + providerId + " answered " + response.getStatusCode());
    }
    String body = response.getBody();
    if (body == null || body.length() > MAX_ANSWER_CHARS) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_GET_USER_INFO, "no or oversized answer");
    }
    try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(body))) {
      return reader.read();
    } catch (RuntimeException e) {
      throw new ProviderFailure(ProviderFailure.UNABLE_TO_GET_USER_INFO, "not JSON: " + e);
    }
  }

  /** A JSON-smart object (Nimbus's claims) as a jakarta.json object. */
  static JsonObject json(java.util.Map<String, Object> jsonSmart) {
    try (JsonReader reader =
        Jsons.PROVIDER.createReader(
            new StringReader(new net.minidev.json.JSONObject(jsonSmart).toJSONString()))) {
      return reader.readObject();
    }
  }

  /** A string claim, or null for a missing or non-string one (numbers become their text). */
  static String string(JsonObject claims, String name) {
    var v = claims.get(name);
    if (v == null) {
      return null;
    }
    return switch (v.getValueType()) {
      case STRING -> ((jakarta.json.JsonString) v).getString();
      case NUMBER -> ((jakarta.json.JsonNumber) v).bigDecimalValue().toPlainString();
      default -> null;
    };
  }

  /** A boolean claim: true, or the string "true" (some providers send strings). */
  static boolean bool(JsonObject claims, String name) {
    var v = claims.get(name);
    return v != null
        && (v.getValueType() == jakarta.json.JsonValue.ValueType.TRUE
            || (v instanceof jakarta.json.JsonString s && s.getString().equalsIgnoreCase("true")));
  }
}

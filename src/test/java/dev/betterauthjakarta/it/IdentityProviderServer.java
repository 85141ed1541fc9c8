package dev.betterauthjakarta.it;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpRouterKt;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The real OpenID Connect server of the integration suite (no.nav.security:mock-oauth2-server):
 * discovery, JWKS, signed id and access tokens, PKCE and nonce checks, code and refresh grants.
 * TestServices starts it before Payara; the WAR's providers (arquillian.xml) are its issuers {@code
 * mock}, {@code untrusted} and {@code github}.
 *
 * <p>What a sign-in returns is scripted per authorization code: a test follows the authorization
 * URL, reads the code from the redirect, says who the user is ({@link #script}), and only then lets
 * the service redeem it. Unscripted codes get a random subject without an email. For {@code
 * github}, the same server also plays GitHub's REST API ({@code /github-api/user} and {@code
 * /user/emails}), answering from the claims of the access token it issued.
 */
public final class IdentityProviderServer {
  public static final String CLIENT_ID = "jakarta-client";
  public static final String MOBILE_CLIENT_ID = "jakarta-ios-app";

  private static MockOAuth2Server server;
  private static final Map<String, Map<String, Object>> SCRIPTS = new ConcurrentHashMap<>();

  private IdentityProviderServer() {}

  static void start(int port) {
    Set<OAuth2TokenCallback> callbacks =
        Set.of(new Scripted("mock"), new Scripted("untrusted"), new Scripted("github"));
    OAuth2TokenProvider tokens = new OAuth2TokenProvider();
    OAuth2Config config =
        new OAuth2Config(false, null, null, false, tokens, callbacks, new MockWebServerWrapper());
    server =
        new MockOAuth2Server(
            config,
            github("/github-api/user", false, tokens, port),
            github("/github-api/user/emails", true, tokens, port));
    server.start(port);
  }

  static void stop() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }

  /** The issuer URL of an issuer id, as the service's settings name it. */
  public static String issuer(String issuerId) {
    return "http://localhost:" + Integer.getInteger("it.oidc.port") + "/" + issuerId;
  }

  /**
   * Who the user is when the service redeems {@code code}: {@code sub} and any claims (email,
   * email_verified, name, picture; for github also login and id).
   */
  public static void script(String code, Map<String, Object> claims) {
    SCRIPTS.put(code, Map.copyOf(claims));
  }

  /** The claims of a user with this subject and email. */
  public static Map<String, Object> user(String sub, String email, boolean verified) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", sub);
    claims.put("email", email);
    claims.put("email_verified", verified);
    claims.put("name", "Provider " + sub);
    claims.put("picture", "https://img.example.com/" + sub + ".png");
    return claims;
  }

  /**
   * An id token signed by an issuer of this server, as a mobile SDK would have received it.
   *
   * @param issuerId whose key signs and whose URL is {@code iss}
   * @param audience {@code aud}
   * @param claims more claims ({@code sub}, {@code email}, {@code nonce}, ...)
   * @param lifetime from now; negative for an expired token
   */
  public static String idToken(
      String issuerId, String audience, Map<String, Object> claims, Duration lifetime) {
    Map<String, Object> all = new HashMap<>(claims);
    all.put("aud", List.of(audience));
    return server.anyToken(HttpUrl.get(issuer(issuerId)), all, lifetime).serialize();
  }

  /** Forgets the requests the server has seen so far (see {@link #refreshGrantsSince}). */
  public static void forgetRequests() {
    while (next() != null) {
      // drained
    }
  }

  /** The refresh-token grants the server answered since the last {@link #forgetRequests}. */
  public static int refreshGrantsSince() {
    int count = 0;
    for (RecordedRequest r = next(); r != null; r = next()) {
      if ("POST".equals(r.getMethod())
          && r.getPath() != null
          && r.getPath().endsWith("/token")
          && r.getBody().readUtf8().contains("grant_type=refresh_token")) {
        count++;
      }
    }
    return count;
  }

  private static RecordedRequest next() {
    try {
      return server.takeRequest(50, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return null; // none left
    }
  }

  /** Claims by authorization code, as {@link #script} set them. */
  private record Scripted(String issuerId) implements OAuth2TokenCallback {
    private Map<String, Object> claims(TokenRequest request) {
      if (request.getAuthorizationGrant() instanceof AuthorizationCodeGrant code) {
        return SCRIPTS.getOrDefault(
            code.getAuthorizationCode().getValue(),
            Map.of("sub", "unscripted-" + UUID.randomUUID()));
      }
      return Map.of("sub", "refreshed"); // a refresh: the service does not read who it is
    }

    @Override
    public String issuerId() {
      return issuerId;
    }

    @Override
    public String subject(TokenRequest request) {
      return String.valueOf(claims(request).get("sub"));
    }

    @Override
    public String typeHeader(TokenRequest request) {
      return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest request) {
      return List.of(request.getClientID() != null ? request.getClientID().getValue() : CLIENT_ID);
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
      Map<String, Object> claims = new HashMap<>(claims(request));
      claims.remove("sub");
      if (GrantType.AUTHORIZATION_CODE.equals(request.getAuthorizationGrant().getType())) {
        claims.put("azp", request.getClientID() != null ? request.getClientID().getValue() : "");
      }
      return claims;
    }

    @Override
    public long tokenExpiry() {
      return 3600;
    }
  }

  /** GitHub's {@code GET /user} or {@code GET /user/emails}, from the access token's claims. */
  private static Route github(String path, boolean emails, OAuth2TokenProvider tokens, int port) {
    return OAuth2HttpRouterKt.route(
        path,
        "GET",
        (OAuth2HttpRequest request) -> {
          String authorization = request.getHeaders().get("Authorization");
          JWTClaimsSet claims;
          try {
            claims =
                tokens.verify(
                    HttpUrl.get("http://localhost:" + port + "/github"),
                    authorization.substring("Bearer ".length()));
          } catch (RuntimeException e) {
            return json(401, "{\"message\":\"Bad credentials\"}");
          }
          Map<String, Object> c = claims.getClaims();
          if (emails) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            if (c.get("email") != null) {
              list.add(
                  Json.createObjectBuilder()
                      .add("email", String.valueOf(c.get("email")))
                      .add("primary", true)
                      .add("verified", Boolean.TRUE.equals(c.get("email_verified")))
                      .add("visibility", "private"));
            }
            list.add(
                Json.createObjectBuilder()
                    .add("email", c.get("sub") + "@users.noreply.github.com")
                    .add("primary", false)
                    .add("verified", true));
            return json(200, list.build().toString());
          }
          var user =
              Json.createObjectBuilder()
                  .add("id", Long.parseLong(String.valueOf(c.getOrDefault("github_id", "1"))))
                  .add("login", String.valueOf(c.getOrDefault("login", "octocat")))
                  .add("avatar_url", "https://avatars.example.com/" + c.get("sub"))
                  .addNull("email"); // private email: only /user/emails has it
          if (c.get("name") != null) {
            user.add("name", String.valueOf(c.get("name")));
          }
          return json(200, user.build().toString());
        });
  }

  private static OAuth2HttpResponse json(int status, String body) {
    return new OAuth2HttpResponse(
        Headers.of("Content-Type", "application/json"), status, body, null);
  }
}

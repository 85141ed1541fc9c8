package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in through an OpenID Connect provider, the browser way: sign-in/social, the provider's
 * authorization endpoint (the real server of {@link IdentityProviderServer}), the redirect back to
 * the callback with the browser's cookies; and every way the callback must refuse.
 */
@ExtendWith(ArquillianExtension.class)
class SocialSignInIT {
  static final String APP = BrowserIT.APP;
  static final String STATE_COOKIE = "better-auth.state";
  static final String SESSION_COOKIE = "better-auth.session_token";

  /** The service's own error page under its configured base URL (better.auth.url). */
  static final String SERVICE_ERROR = "http://localhost:8080/api/auth/error";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  static String sub() {
    return "sub-" + UUID.randomUUID();
  }

  static String signInBody(String provider) {
    return Json.createObjectBuilder()
        .add("provider", provider)
        .add("callbackURL", APP + "/welcome")
        .add("newUserCallbackURL", APP + "/new")
        .add("errorCallbackURL", APP + "/oops")
        .build()
        .toString();
  }

  /** sign-in/social, the provider's sign-in, and the callback with claims for that sign-in. */
  static Api.Reply signInThrough(Browser browser, String provider, Map<String, Object> claims) {
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody(provider), null)));
    IdentityProviderServer.script(at.code(), claims);
    return browser.get(at.servicePath());
  }

  static String location(Api.Reply reply) {
    assertEquals(302, reply.status(), reply.toString());
    return reply.header("location").orElseThrow();
  }

  /** The error a callback redirected with (asserting it went to {@code errorTarget}). */
  static String error(Api.Reply reply, String errorTarget) {
    String location = location(reply);
    assertTrue(location.startsWith(errorTarget + "?error="), location);
    assertTrue(
        reply.headers("set-cookie").stream().noneMatch(c -> c.startsWith(SESSION_COOKIE + "=")),
        "no session: " + reply.headers("set-cookie"));
    return Browser.query(URI.create(location)).get("error");
  }

  @Test
  void aNewUserSignsUpThroughTheProviderAndGetsASessionCookie() {
    Browser browser = new Browser(base);
    Api.Reply started = browser.post("sign-in/social", signInBody("mock"), null);
    assertEquals(200, started.status(), started.toString());
    JsonObject json = started.json();
    assertTrue(json.getBoolean("redirect"));
    assertEquals(json.getString("url"), started.header("location").orElseThrow());
    assertTrue(browser.cookie(STATE_COOKIE).isPresent(), "the state cookie");
    Map<String, String> authorize = Browser.query(URI.create(json.getString("url")));
    assertEquals("S256", authorize.get("code_challenge_method"));
    assertNotNull(authorize.get("code_challenge"));
    assertNotNull(authorize.get("nonce"));
    assertEquals(32, authorize.get("state").length());
    assertEquals(IdentityProviderServer.CLIENT_ID, authorize.get("client_id"));
    assertTrue(authorize.get("redirect_uri").endsWith("/api/auth/callback/mock"));
    assertTrue(authorize.get("scope").contains("openid"), authorize.toString());

    Browser.Authorized at = Browser.authorize(json.getString("url"));
    String sub = sub();
    String email = TestUser.uniqueEmail();
    IdentityProviderServer.script(at.code(), IdentityProviderServer.user(sub, email, true));
    Api.Reply landed = browser.get(at.servicePath());
    assertEquals(APP + "/new", location(landed), "a new user goes to newUserCallbackURL");
    assertTrue(browser.cookie(SESSION_COOKIE).isPresent(), landed.headers("set-cookie").toString());
    assertTrue(browser.cookie(STATE_COOKIE).isEmpty(), "the state cookie is dropped");

    Api.Reply session = browser.get("get-session");
    JsonObject user = session.json().getJsonObject("user");
    assertEquals(email, user.getString("email"));
    assertTrue(user.getBoolean("emailVerified"), "the provider verified it");
    assertEquals("Provider " + sub, user.getString("name"));
    assertEquals(
        1,
        Db.count(
            "select count(*) from \"account\" where \"providerId\" = 'mock' and \"accountId\" = ?"
                + " and \"userId\" = ?",
            sub,
            user.getString("id")));

    // The same identity again: the same user, and the plain callbackURL.
    Browser again = new Browser(base);
    Api.Reply second = signInThrough(again, "mock", IdentityProviderServer.user(sub, email, true));
    assertEquals(APP + "/welcome", location(second));
    assertEquals(
        user.getString("id"),
        again.get("get-session").json().getJsonObject("user").getString("id"));
  }

  @Test
  void theSessionTokenAlsoComesAsSetAuthTokenOnTheRedirect() {
    Browser browser = new Browser(base);
    Api.Reply landed =
        signInThrough(
            browser, "mock", IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
    String signed = landed.header("set-auth-token").orElseThrow();
    Api.Reply session = api().get("get-session").bearer(signed).send();
    assertNotEquals("null", session.text());
  }

  @Test
  void aReplayedCallbackIsRefusedAndOpensNoSession() {
    Browser browser = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    IdentityProviderServer.script(
        at.code(), IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
    String stateCookie = browser.cookie(STATE_COOKIE).orElseThrow();
    assertEquals(302, browser.get(at.servicePath()).status());

    Browser replay = new Browser(base);
    replay.put(STATE_COOKIE, stateCookie); // even with the cookie of the flow
    assertEquals("state_mismatch", error(replay.get(at.servicePath()), SERVICE_ERROR));
  }

  @Test
  void aCallbackFromAnotherBrowserIsRefusedAndTheCodeIsNeverRedeemed() {
    Browser victim = new Browser(base);
    Browser attacker = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(attacker.post("sign-in/social", signInBody("mock"), null)));
    String email = TestUser.uniqueEmail();
    IdentityProviderServer.script(at.code(), IdentityProviderServer.user(sub(), email, true));
    // The attacker's own flow, finished in the victim's browser (login CSRF): no state cookie.
    assertEquals("state_mismatch", error(victim.get(at.servicePath()), APP + "/oops"));
    assertEquals(0, Db.count("select count(*) from \"user\" where email = ?", email));
    // The flow is used up: the attacker cannot finish it either.
    assertEquals("state_mismatch", error(attacker.get(at.servicePath()), SERVICE_ERROR));
  }

  @Test
  void aStateFromAnotherFlowIsRefused() {
    Browser browser = new Browser(base);
    Browser.Authorized first =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    String firstCookie = browser.cookie(STATE_COOKIE).orElseThrow();
    Browser other = new Browser(base);
    Browser.Authorized second =
        Browser.authorize(Browser.url(other.post("sign-in/social", signInBody("mock"), null)));
    IdentityProviderServer.script(
        second.code(), IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
    // Browser 1's cookie with flow 2's state and code.
    Browser mixed = new Browser(base);
    mixed.put(STATE_COOKIE, firstCookie);
    assertEquals("state_mismatch", error(mixed.get(second.servicePath()), APP + "/oops"));
    assertNotEquals(first.state(), second.state());
  }

  @Test
  void aMissingOrUnknownStateIsRefused() {
    Browser browser = new Browser(base);
    assertEquals("state_not_found", error(browser.get("callback/mock?code=abc"), SERVICE_ERROR));
    assertEquals(
        "state_mismatch",
        error(browser.get("callback/mock?code=abc&state=" + "x".repeat(32)), SERVICE_ERROR));
  }

  @Test
  void aStateUsedOnAnotherProvidersCallbackIsRefused() {
    Browser browser = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    String path = at.servicePath().replace("callback/mock", "callback/untrusted");
    assertEquals("state_mismatch", error(browser.get(path), APP + "/oops"));
  }

  @Test
  void aCodeFromAnotherFlowIsRefusedByTheProviderAsInvalid() {
    Browser browser = new Browser(base);
    Browser.Authorized used =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    IdentityProviderServer.script(
        used.code(), IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
    assertEquals(302, browser.get(used.servicePath()).status());
    // A fresh flow, finished with the first flow's (already redeemed) code.
    Browser.Authorized fresh =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    String path = "callback/mock?code=" + used.code() + "&state=" + fresh.state();
    assertEquals("invalid_code", error(browser.get(path), APP + "/oops"));
  }

  @Test
  void deniedConsentComesBackAsTheProvidersError() {
    Browser browser = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    String path =
        "callback/mock?error=access_denied&error_description=User+said+no&state=" + at.state();
    Api.Reply reply = browser.get(path);
    assertEquals("access_denied", error(reply, APP + "/oops"));
    assertTrue(location(reply).contains("error_description=User+said+no"), location(reply));
  }

  @Test
  void aProviderWithoutTheUsersEmailGivesNoSession() {
    Browser browser = new Browser(base);
    Api.Reply reply = signInThrough(browser, "mock", Map.of("sub", sub()));
    assertEquals("email_not_found", error(reply, APP + "/oops"));
  }

  @Test
  void anUnknownProviderIsNotFound() {
    Api.Reply reply = new Browser(base).post("sign-in/social", "{\"provider\":\"nobody\"}", null);
    assertEquals(404, reply.status());
    assertEquals("PROVIDER_NOT_FOUND", reply.code());
  }

  @Test
  void untrustedCallbackUrlsAreRefusedBeforeTheFlowStarts() {
    for (var field :
        List.of(
            List.of("callbackURL", "INVALID_CALLBACK_URL"),
            List.of("errorCallbackURL", "INVALID_ERROR_CALLBACK_URL"),
            List.of("newUserCallbackURL", "INVALID_NEW_USER_CALLBACK_URL"))) {
      String body =
          Json.createObjectBuilder()
              .add("provider", "mock")
              .add(field.get(0), "https://evil.example.net/x")
              .build()
              .toString();
      Api.Reply reply = new Browser(base).post("sign-in/social", body, null);
      assertEquals(403, reply.status(), reply.toString());
      assertEquals(field.get(1), reply.code());
    }
  }

  @Test
  void theErrorPageAnswersJson() {
    Api.Reply reply = api().get("error?error=state_mismatch").send();
    assertEquals(400, reply.status());
    assertEquals("OAUTH_CALLBACK_ERROR", reply.code());
    assertTrue(reply.json().getString("message").endsWith(": state_mismatch"));
    assertFalse(api().get("error?error=%3Cscript%3E").send().text().contains("<script>"));
  }
}

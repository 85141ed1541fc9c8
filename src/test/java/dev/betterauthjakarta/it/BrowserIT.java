package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.session.SignedTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Browsers: the session cookie, the Origin / CSRF checks and CORS for trusted origins. */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {
  /** The trusted origin arquillian.xml configures. */
  static final String APP = "https://app.example.com";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private static String sessionCookie(Api.Reply reply) {
    return reply.headers("set-cookie").stream()
        .filter(c -> c.startsWith("better-auth.session_token="))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no session cookie in " + reply.response().headers().map()));
  }

  /** The name=value part a browser would send back. */
  private static String cookieHeader(Api.Reply reply) {
    return sessionCookie(reply).split(";")[0];
  }

  private Api.Reply signIn(TestUser u, boolean rememberMe) {
    return api()
        .post("sign-in/email")
        .json(
            Json.createObjectBuilder()
                .add("email", u.email())
                .add("password", u.password())
                .add("rememberMe", rememberMe)
                .build())
        .send();
  }

  @Test
  void signInSetsAnHttpOnlySameSiteCookieHoldingTheSignedToken() {
    TestUser u = TestUser.signUp(api());
    Api.Reply reply = signIn(u, true);
    String token = reply.json().getString("token");
    String cookie = sessionCookie(reply);
    String expectedValue =
        URLEncoder.encode(SignedTokens.sign(SessionIT.SECRET, token), StandardCharsets.UTF_8);
    assertTrue(cookie.startsWith("better-auth.session_token=" + expectedValue + ";"), cookie);
    for (String attribute : List.of("Path=/", "HttpOnly", "SameSite=Lax")) {
      assertTrue(cookie.contains(attribute), cookie);
    }
    assertFalse(cookie.contains("Secure"), "served over http here");
    int maxAge = Integer.parseInt(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
    assertTrue(maxAge > 604_700 && maxAge <= 604_800, cookie);

    String shortLived = sessionCookie(signIn(u, false));
    assertFalse(
        shortLived.contains("Max-Age"),
        "rememberMe:false is a browser-session cookie: " + shortLived);
  }

  @Test
  void theCookieAloneAuthenticatesAndABearerTokenWinsOverIt() {
    TestUser u = TestUser.signUp(api());
    TestUser other = TestUser.signUp(api());
    String cookie = cookieHeader(signIn(u, true));
    assertEquals(
        u.id(),
        api()
            .get("get-session")
            .header("Cookie", cookie)
            .send()
            .json()
            .getJsonObject("user")
            .getString("id"));
    assertEquals(
        other.id(),
        api()
            .get("get-session")
            .header("Cookie", cookie)
            .bearer(other.token())
            .send()
            .json()
            .getJsonObject("user")
            .getString("id"));
    assertEquals(
        u.id(),
        api()
            .get("get-session")
            .header("Cookie", cookie)
            .bearer("token.bad-signature")
            .send()
            .json()
            .getJsonObject("user")
            .getString("id"),
        "a bearer header with a bad signature is ignored");
    assertEquals(
        "null",
        api().get("get-session").header("Cookie", cookie).bearer("unknownRawToken").send().text(),
        "a raw bearer token replaces the cookie, as in Better Auth");
  }

  @Test
  void aStateChangingRequestWithCookiesMustComeFromATrustedOrigin() {
    TestUser u = TestUser.signUp(api());
    String cookie = cookieHeader(signIn(u, true));
    record Case(String origin, String referer, int status, String code) {}
    for (Case c :
        List.of(
            new Case(null, null, 403, "MISSING_OR_NULL_ORIGIN"),
            new Case("null", null, 403, "MISSING_OR_NULL_ORIGIN"),
            new Case("https://evil.example", null, 403, "INVALID_ORIGIN"),
            new Case(null, "https://evil.example/page", 403, "INVALID_ORIGIN"))) {
      Api.Call call =
          api().post("update-user").header("Cookie", cookie).json("{\"name\":\"Forged\"}");
      if (c.origin() != null) call.header("Origin", c.origin());
      if (c.referer() != null) call.header("Referer", c.referer());
      Api.Reply reply = call.send();
      assertEquals(c.status(), reply.status(), c + " -> " + reply);
      assertEquals(c.code(), reply.code(), c.toString());
    }
    assertEquals(
        "Test User",
        api()
            .get("get-session")
            .bearer(u.token())
            .send()
            .json()
            .getJsonObject("user")
            .getString("name"));
    assertEquals(
        200,
        api()
            .post("update-user")
            .header("Cookie", cookie)
            .header("Origin", APP)
            .json("{\"name\":\"From the app\"}")
            .send()
            .status());
    assertEquals(
        200,
        api()
            .post("update-user")
            .header("Cookie", cookie)
            .header("Referer", APP + "/settings")
            .json("{\"name\":\"Via referer\"}")
            .send()
            .status());
  }

  @Test
  void bearerRequestsNeedNoOriginUnlessTheyAlsoCarryCookies() {
    TestUser u = TestUser.signUp(api());
    assertEquals(
        200,
        api().post("update-user").bearer(u.token()).json("{\"name\":\"Bearer\"}").send().status());
    Api.Reply withCookie =
        api()
            .post("update-user")
            .bearer(u.token())
            .header("Cookie", "theme=dark")
            .json("{\"name\":\"x\"}")
            .send();
    assertEquals(403, withCookie.status(), "any cookie means a browser may have attached it");
    assertEquals("MISSING_OR_NULL_ORIGIN", withCookie.code());
  }

  @Test
  void signInFromABrowserMustComeFromATrustedOrigin() {
    TestUser u = TestUser.signUp(api());
    JsonObject body =
        Json.createObjectBuilder().add("email", u.email()).add("password", u.password()).build();
    Api.Reply navigation =
        api()
            .post("sign-in/email")
            .header("Sec-Fetch-Site", "cross-site")
            .header("Sec-Fetch-Mode", "navigate")
            .json(body)
            .send();
    assertEquals(403, navigation.status());
    assertEquals("CROSS_SITE_NAVIGATION_LOGIN_BLOCKED", navigation.code());
    Api.Reply noOrigin =
        api().post("sign-in/email").header("Sec-Fetch-Mode", "cors").json(body).send();
    assertEquals("MISSING_OR_NULL_ORIGIN", noOrigin.code());
    Api.Reply evil =
        api().post("sign-in/email").header("Origin", "https://evil.example").json(body).send();
    assertEquals("INVALID_ORIGIN", evil.code());
    assertEquals(
        200,
        api()
            .post("sign-in/email")
            .header("Origin", APP)
            .header("Sec-Fetch-Mode", "cors")
            .json(body)
            .send()
            .status());
    assertEquals(
        200,
        api().post("sign-in/email").json(body).send().status(),
        "curl and native apps send neither");
    Api.Reply signUp =
        api()
            .post("sign-up/email")
            .header("Origin", "https://evil.example")
            .json(
                Json.createObjectBuilder()
                    .add("name", "x")
                    .add("email", TestUser.uniqueEmail())
                    .add("password", "password123")
                    .build())
            .send();
    assertEquals("INVALID_ORIGIN", signUp.code());
  }

  @Test
  void aDeadCookieIsClearedAndSignOutClearsTheCookie() {
    TestUser u = TestUser.signUp(api());
    String cookie = cookieHeader(signIn(u, true));
    String tampered =
        cookie.substring(0, cookie.length() - 6)
            + (cookie.endsWith("AAAA%3D") ? "BAAA%3D" : "AAAA%3D");
    for (String dead : List.of(tampered, "better-auth.session_token=" + u.token())) {
      Api.Reply reply = api().get("get-session").header("Cookie", dead).send();
      assertEquals("null", reply.text(), dead);
      assertTrue(sessionCookie(reply).contains("Max-Age=0"), sessionCookie(reply));
    }
    Api.Reply out = api().post("sign-out").header("Cookie", cookie).header("Origin", APP).send();
    assertEquals(200, out.status(), out.toString());
    assertTrue(sessionCookie(out).contains("Max-Age=0"));
    assertEquals("null", api().get("get-session").header("Cookie", cookie).send().text());
  }

  @Test
  void aRefreshRenewsTheCookieToo() {
    TestUser u = TestUser.signUp(api());
    String cookie = cookieHeader(signIn(u, true));
    Db.update(
        "update \"session\" set \"expiresAt\" = now() + interval '5 days' where \"userId\" = ?",
        u.id());
    Api.Reply reply = api().get("get-session").header("Cookie", cookie).send();
    assertTrue(reply.header("set-auth-token").isPresent());
    int maxAge = Integer.parseInt(sessionCookie(reply).replaceAll(".*Max-Age=(\\d+).*", "$1"));
    assertTrue(maxAge > 604_700, sessionCookie(reply));
  }

  @Test
  void corsAnswersTrustedOriginsOnlyWithCredentialsAndTheTokenHeaderExposed() {
    Api.Reply preflight =
        api()
            .method("OPTIONS", "sign-in/email")
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,authorization")
            .send();
    assertEquals(204, preflight.status(), preflight.toString());
    assertEquals(APP, preflight.header("access-control-allow-origin").orElseThrow());
    assertEquals("true", preflight.header("access-control-allow-credentials").orElseThrow());
    assertTrue(preflight.header("access-control-allow-methods").orElseThrow().contains("POST"));
    assertEquals(
        "content-type,authorization",
        preflight.header("access-control-allow-headers").orElseThrow());

    Api.Reply foreign =
        api()
            .method("OPTIONS", "sign-in/email")
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "POST")
            .send();
    assertTrue(foreign.header("access-control-allow-origin").isEmpty());

    Api.Reply actual = api().get("get-session").header("Origin", APP).send();
    assertEquals(APP, actual.header("access-control-allow-origin").orElseThrow());
    // X-Retry-After too: Better Auth's client reads it from a 429.
    assertEquals(
        "set-auth-token, X-Retry-After",
        actual.header("access-control-expose-headers").orElseThrow());
    assertTrue(actual.headers("vary").stream().anyMatch(v -> v.contains("Origin")));
    Api.Reply error = api().post("update-user").header("Origin", APP).json("{}").send();
    assertEquals(401, error.status());
    assertEquals(
        APP,
        error.header("access-control-allow-origin").orElseThrow(),
        "browser code can read the error");
  }
}

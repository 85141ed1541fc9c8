package dev.betterauthjakarta.it;

import static dev.betterauthjakarta.it.SocialSignInIT.APP;
import static dev.betterauthjakarta.it.SocialSignInIT.error;
import static dev.betterauthjakarta.it.SocialSignInIT.location;
import static dev.betterauthjakarta.it.SocialSignInIT.signInThrough;
import static dev.betterauthjakarta.it.SocialSignInIT.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The other ways a provider flow ends: the bearer-only finish by exchange code, GitHub, Better Auth
 * 1.6's routes, a posted callback, and the sign-in gate (ban, two-factor).
 */
@ExtendWith(ArquillianExtension.class)
class SocialFinishIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  /** A client without cookies: sign-in/social asks for the exchange finish. */
  private record BearerFlow(Browser.Authorized at, String secret) {}

  private BearerFlow startBearerOnly(String callbackURL) {
    Api.Reply started =
        api()
            .post("sign-in/social")
            .json(
                Json.createObjectBuilder()
                    .add("provider", "mock")
                    .add("callbackURL", callbackURL)
                    .add("codeExchange", true)
                    .build())
            .send();
    assertEquals(200, started.status(), started.toString());
    assertTrue(
        started.headers("set-cookie").stream().noneMatch(c -> c.startsWith("better-auth.state")),
        "no state cookie for a bearer-only flow");
    JsonObject json = started.json();
    return new BearerFlow(
        Browser.authorize(json.getString("url")), json.getString("exchangeSecret"));
  }

  private Api.Reply exchange(String code, String secret) {
    return api()
        .post("sign-in/social/exchange")
        .json(
            Json.createObjectBuilder()
                .add("exchangeCode", code)
                .add("exchangeSecret", secret)
                .build())
        .send();
  }

  @Test
  void aBearerOnlyClientFinishesTheRedirectWithAnExchangeCodeAndItsSecret() {
    BearerFlow flow = startBearerOnly("https://app.example.com/native-done");
    String email = TestUser.uniqueEmail();
    IdentityProviderServer.script(
        flow.at().code(), IdentityProviderServer.user(sub(), email, true));
    // The system browser follows the provider's redirect; it has no cookie of the flow.
    Api.Reply landed = api().get(flow.at().servicePath()).send();
    String target = location(landed);
    assertTrue(target.startsWith("https://app.example.com/native-done?exchangeCode="), target);
    assertTrue(landed.headers("set-cookie").stream().noneMatch(c -> c.contains("session_token")));
    String code = Browser.query(URI.create(target)).get("exchangeCode");
    assertEquals(0, Db.count("select count(*) from \"user\" where email = ?", email), "not yet");

    Api.Reply wrongSecret = exchange(code, "not-the-secret");
    assertEquals(401, wrongSecret.status());
    assertEquals("INVALID_EXCHANGE_CODE", wrongSecret.code());
    // A wrong guess burns the code: start again.
    BearerFlow again = startBearerOnly("https://app.example.com/native-done");
    IdentityProviderServer.script(
        again.at().code(), IdentityProviderServer.user(sub(), email, true));
    String code2 =
        Browser.query(URI.create(location(api().get(again.at().servicePath()).send())))
            .get("exchangeCode");
    Api.Reply finished = exchange(code2, again.secret());
    assertEquals(200, finished.status(), finished.toString());
    assertEquals(email, finished.json().getJsonObject("user").getString("email"));
    String token = finished.json().getString("token");
    assertEquals(
        email,
        api()
            .get("get-session")
            .bearer(token)
            .send()
            .json()
            .getJsonObject("user")
            .getString("email"));
    Api.Reply replay = exchange(code2, again.secret());
    assertEquals(401, replay.status());
    assertEquals("INVALID_EXCHANGE_CODE", replay.code());
    // The provider's tokens waited sealed, never in clear.
    assertEquals(
        0,
        Db.count("select count(*) from \"verification\" where value like '%eyJ%'"),
        "no JWT in clear in any pending row");
  }

  @Test
  void theExchangeSecretOfAnotherFlowDoesNotRedeemTheCode() {
    BearerFlow victim = startBearerOnly("https://app.example.com/native-done");
    BearerFlow attacker = startBearerOnly("https://app.example.com/native-done");
    IdentityProviderServer.script(
        victim.at().code(), IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
    String code =
        Browser.query(URI.create(location(api().get(victim.at().servicePath()).send())))
            .get("exchangeCode");
    Api.Reply stolen = exchange(code, attacker.secret());
    assertEquals(401, stolen.status());
  }

  @Test
  void gitHubSignsInWithTheVerifiedPrimaryEmailFromItsApi() {
    Browser browser = new Browser(base);
    String email = TestUser.uniqueEmail();
    Map<String, Object> claims = new HashMap<>(IdentityProviderServer.user(sub(), email, true));
    claims.put("github_id", "424242" + (System.nanoTime() % 100000));
    claims.put("login", "octo");
    Api.Reply landed = signInThrough(browser, "github", claims);
    assertEquals(APP + "/new", location(landed));
    JsonObject user = browser.get("get-session").json().getJsonObject("user");
    assertEquals(email, user.getString("email"));
    assertTrue(user.getBoolean("emailVerified"));
    assertEquals(
        1,
        Db.count(
            "select count(*) from \"account\" where \"providerId\" = 'github' and \"accountId\" ="
                + " ?",
            claims.get("github_id")));
  }

  @Test
  void gitHubWithAnUnverifiedEmailGivesAnUnverifiedUser() {
    Browser browser = new Browser(base);
    Map<String, Object> claims =
        new HashMap<>(IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), false));
    claims.put("github_id", "515151" + (System.nanoTime() % 100000));
    assertEquals(APP + "/new", location(signInThrough(browser, "github", claims)));
    assertFalse(
        browser.get("get-session").json().getJsonObject("user").getBoolean("emailVerified"));
  }

  @Test
  void betterAuth16sRoutesSignInAndLinkThroughTheirOwnCallbackPath() {
    Browser browser = new Browser(base);
    Api.Reply started =
        browser.post(
            "sign-in/oauth2",
            "{\"providerId\":\"mock\",\"callbackURL\":\"" + APP + "/v16\"}",
            null);
    assertEquals(200, started.status(), started.toString());
    assertTrue(started.header("location").isEmpty(), "1.6 sends no Location");
    Browser.Authorized at = Browser.authorize(started.json().getString("url"));
    assertTrue(at.servicePath().startsWith("oauth2/callback/mock?"), at.servicePath());
    String email = TestUser.uniqueEmail();
    IdentityProviderServer.script(at.code(), IdentityProviderServer.user(sub(), email, true));
    assertEquals(APP + "/v16", location(browser.get(at.servicePath())));

    TestUser u = TestUser.signUp(api());
    Browser linker = new Browser(base);
    Api.Reply link =
        linker.post(
            "oauth2/link",
            "{\"providerId\":\"mock\",\"callbackURL\":\"" + APP + "/v16-linked\"}",
            u.token());
    assertEquals(200, link.status(), link.toString());
    assertTrue(link.json().getBoolean("redirect"));
    Browser.Authorized linkAt = Browser.authorize(link.json().getString("url"));
    IdentityProviderServer.script(
        linkAt.code(), IdentityProviderServer.user(sub(), u.email(), true));
    assertEquals(APP + "/v16-linked", location(linker.get(linkAt.servicePath())));
    assertEquals(2, Db.count("select count(*) from \"account\" where \"userId\" = ?", u.id()));

    Api.Reply unknown = browser.post("sign-in/oauth2", "{\"providerId\":\"nobody\"}", null);
    assertEquals(400, unknown.status());
    assertEquals("No config found for provider nobody", unknown.json().getString("message"));
  }

  @Test
  void aPostedCallbackIsRedirectedToTheGetCallbackWithItsParameters() {
    Api.Reply reply =
        api()
            .post("callback/mock")
            .header("Origin", "https://idp.example.org") // another site posts it, by design
            .body("application/x-www-form-urlencoded", "code=c1&state=s%201&user=%7B%7D&other=x")
            .send();
    assertEquals(302, reply.status(), reply.toString());
    String target = location(reply);
    assertTrue(target.endsWith("/api/auth/callback/mock?code=c1&state=s%201&user=%7B%7D"), target);
    Api.Reply garbage =
        api().post("callback/mock").body("application/x-www-form-urlencoded", "{\"a\":1}").send();
    assertEquals(400, garbage.status(), garbage.toString());
    Api.Reply json = api().post("callback/mock").json("{\"code\":\"c2\",\"state\":\"s2\"}").send();
    assertTrue(location(json).endsWith("/api/auth/callback/mock?code=c2&state=s2"), location(json));
  }

  @Test
  void aBannedUserGetsNoSessionThroughTheProvider() {
    Browser browser = new Browser(base);
    String sub = sub();
    String email = TestUser.uniqueEmail();
    signInThrough(browser, "mock", IdentityProviderServer.user(sub, email, true));
    Db.update("update \"user\" set banned = true, \"banReason\" = 'spam' where email = ?", email);
    Api.Reply reply =
        signInThrough(new Browser(base), "mock", IdentityProviderServer.user(sub, email, true));
    assertEquals("BANNED_USER", error(reply, APP + "/oops"));
    assertTrue(location(reply).contains("error_description="), location(reply));
  }

  @Test
  void aTwoFactorUserGetsNoSessionThroughTheProvider() {
    Browser browser = new Browser(base);
    String sub = sub();
    String email = TestUser.uniqueEmail();
    signInThrough(browser, "mock", IdentityProviderServer.user(sub, email, true));
    Db.update("update \"user\" set \"twoFactorEnabled\" = true where email = ?", email);
    Api.Reply reply =
        signInThrough(new Browser(base), "mock", IdentityProviderServer.user(sub, email, true));
    assertEquals("two_factor_required", error(reply, APP + "/oops"));
  }
}

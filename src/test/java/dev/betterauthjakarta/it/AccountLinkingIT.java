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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Linking provider identities to users, explicitly (link-social) and implicitly (by email at
 * sign-in), and unlinking them: every rule of the issue, over HTTP against the real provider.
 */
@ExtendWith(ArquillianExtension.class)
class AccountLinkingIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private static void verifyEmail(TestUser u) {
    Db.update("update \"user\" set \"emailVerified\" = true where id = ?", u.id());
  }

  private static long accountRows(TestUser u) {
    return Db.count("select count(*) from \"account\" where \"userId\" = ?", u.id());
  }

  /** link-social for a signed-in user through the browser flow; the callback's reply. */
  private Api.Reply linkThrough(TestUser u, String provider, Map<String, Object> claims) {
    Browser browser = new Browser(base);
    String body =
        Json.createObjectBuilder()
            .add("provider", provider)
            .add("callbackURL", APP + "/linked")
            .add("errorCallbackURL", APP + "/link-failed")
            .build()
            .toString();
    Api.Reply started = browser.post("link-social", body, u.token());
    Browser.Authorized at = Browser.authorize(Browser.url(started));
    IdentityProviderServer.script(at.code(), claims);
    return browser.get(at.servicePath());
  }

  private JsonArray accounts(TestUser u) {
    Api.Reply reply = api().get("list-accounts").bearer(u.token()).send();
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().getJsonArray("accounts");
  }

  private Api.Reply unlink(TestUser u, String json) {
    return api().post("unlink-account").bearer(u.token()).json(json).send();
  }

  /** A password user who linked a mock identity; returns the identity's subject. */
  private String linked(TestUser u) {
    String sub = sub();
    Api.Reply landed = linkThrough(u, "mock", IdentityProviderServer.user(sub, u.email(), true));
    assertEquals(APP + "/linked", location(landed));
    return sub;
  }

  @Test
  void aPasswordUserLinksAProviderWithLinkSocialAndListsBothAccounts() {
    TestUser u = TestUser.signUp(api());
    String sub = linked(u);
    JsonArray accounts = accounts(u);
    assertEquals(2, accounts.size(), accounts.toString());
    JsonObject provider = accounts.getJsonObject(1);
    assertEquals("mock", provider.getString("providerId"));
    assertEquals(sub, provider.getString("accountId"));
    assertEquals(
        List.of("openid", "email", "profile"),
        provider.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    for (String secret : List.of("accessToken", "refreshToken", "idToken", "password")) {
      assertFalse(provider.containsKey(secret), secret);
    }
    // Linking opened no session of its own: the user's only session is the one it signed up with.
    assertEquals(1, Db.count("select count(*) from \"session\" where \"userId\" = ?", u.id()));
    // The linked identity signs in to the same user from now on.
    Browser browser = new Browser(base);
    assertEquals(
        APP + "/welcome",
        location(
            signInThrough(browser, "mock", IdentityProviderServer.user(sub, u.email(), true))));
    assertEquals(u.id(), browser.get("get-session").json().getJsonObject("user").getString("id"));
  }

  @Test
  void linkSocialWithAnotherEmailIsRefused() {
    TestUser u = TestUser.signUp(api());
    Api.Reply landed =
        linkThrough(u, "mock", IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
    assertEquals("email_does_not_match", error(landed, APP + "/link-failed"));
    assertEquals(1, accountRows(u));
  }

  @Test
  void linkSocialFromAnUntrustedProviderNeedsTheProviderToVouchForTheEmail() {
    TestUser u = TestUser.signUp(api());
    Api.Reply landed =
        linkThrough(u, "untrusted", IdentityProviderServer.user(sub(), u.email(), false));
    assertEquals("unable_to_link_account", error(landed, APP + "/link-failed"));
    Api.Reply vouched =
        linkThrough(u, "untrusted", IdentityProviderServer.user(sub(), u.email(), true));
    assertEquals(APP + "/linked", location(vouched));
    assertEquals(2, accountRows(u));
  }

  @Test
  void anIdentityLinkedToOneUserCannotBeLinkedToAnother() {
    TestUser first = TestUser.signUp(api());
    String sub = linked(first);
    TestUser second = TestUser.signUp(api());
    Api.Reply landed =
        linkThrough(second, "mock", IdentityProviderServer.user(sub, second.email(), true));
    assertEquals("account_already_linked_to_different_user", error(landed, APP + "/link-failed"));
    assertEquals(1, accountRows(second));
  }

  @Test
  void linkSocialNeedsASessionAndAFreshOne() {
    Api.Reply anonymous = new Browser(base).post("link-social", "{\"provider\":\"mock\"}", null);
    assertEquals(401, anonymous.status());
    TestUser u = TestUser.signUp(api());
    u.ageSessions();
    Api.Reply stale = new Browser(base).post("link-social", "{\"provider\":\"mock\"}", u.token());
    assertEquals(403, stale.status());
    assertEquals("SESSION_NOT_FRESH", stale.code());
  }

  // --- implicit linking --------------------------------------------------------------------

  @Test
  void aVerifiedUserIsLinkedImplicitlyWhenATrustedProviderVouchesForTheEmail() {
    TestUser u = TestUser.signUp(api());
    verifyEmail(u);
    Browser browser = new Browser(base);
    Api.Reply landed =
        signInThrough(browser, "mock", IdentityProviderServer.user(sub(), u.email(), true));
    assertEquals(APP + "/welcome", location(landed), "an existing user, not a new one");
    assertEquals(u.id(), browser.get("get-session").json().getJsonObject("user").getString("id"));
    assertEquals(2, accountRows(u));
  }

  @Test
  void noImplicitLinkWhenTheProviderDoesNotVouchForTheEmail() {
    TestUser u = TestUser.signUp(api());
    verifyEmail(u);
    Api.Reply landed =
        signInThrough(
            new Browser(base), "mock", IdentityProviderServer.user(sub(), u.email(), false));
    assertEquals("account_not_linked", error(landed, APP + "/oops"));
    assertEquals(1, accountRows(u));
  }

  @Test
  void noImplicitLinkFromAnUntrustedProviderEvenWithAVerifiedEmail() {
    TestUser u = TestUser.signUp(api());
    verifyEmail(u);
    Api.Reply landed =
        signInThrough(
            new Browser(base), "untrusted", IdentityProviderServer.user(sub(), u.email(), true));
    assertEquals("account_not_linked", error(landed, APP + "/oops"));
    assertEquals(1, accountRows(u));
  }

  /** The pre-registration takeover: someone signed up with the address and never verified it. */
  @Test
  void noImplicitLinkToALocalAccountWhoseEmailIsUnverified() {
    TestUser squatter = TestUser.signUp(api()); // emailVerified stays false
    Api.Reply landed =
        signInThrough(
            new Browser(base), "mock", IdentityProviderServer.user(sub(), squatter.email(), true));
    assertEquals("account_not_linked", error(landed, APP + "/oops"));
    assertEquals(1, accountRows(squatter));
  }

  // --- unlinking ---------------------------------------------------------------------------

  @Test
  void oneOfTwoAccountsUnlinksThenTheLastIsRefused() {
    TestUser u = TestUser.signUp(api());
    linked(u);
    JsonArray accounts = accounts(u);
    String providerRow = accounts.getJsonObject(1).getString("id");
    Api.Reply first = unlink(u, "{\"accountId\":\"" + providerRow + "\"}");
    assertEquals(200, first.status(), first.toString());
    Api.Reply last = unlink(u, "{\"providerId\":\"credential\"}");
    assertEquals(400, last.status());
    assertEquals("FAILED_TO_UNLINK_LAST_ACCOUNT", last.code());
    assertEquals(1, accountRows(u));
  }

  @Test
  void unlinkNamesTheAccountByProviderByProviderAndAccountIdOrByRowId() {
    TestUser u = TestUser.signUp(api());
    String first = linked(u);
    String second = linked(u);
    assertEquals(3, accountRows(u));
    assertEquals(
        200, unlink(u, "{\"providerId\":\"mock\",\"accountId\":\"" + second + "\"}").status());
    assertEquals(
        List.of(first),
        accounts(u).stream()
            .map(a -> a.asJsonObject())
            .filter(a -> a.getString("providerId").equals("mock"))
            .map(a -> a.getString("accountId"))
            .toList());
    assertEquals(200, unlink(u, "{\"providerId\":\"mock\"}").status());
    assertEquals(1, accountRows(u));
  }

  /** Repeated: a race shows only when the two requests overlap. */
  @Test
  void twoUnlinksRacingOnATwoAccountUserLeaveExactlyOne() {
    for (int round = 0; round < 6; round++) {
      TestUser u = TestUser.signUp(api());
      linked(u);
      List<Api.Call> calls = new ArrayList<>();
      calls.add(api().post("unlink-account").bearer(u.token()).json("{\"providerId\":\"mock\"}"));
      calls.add(
          api().post("unlink-account").bearer(u.token()).json("{\"providerId\":\"credential\"}"));
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(1, Race.count(replies, 200), "round " + round + ": " + replies);
      assertEquals(1, accountRows(u), "round " + round);
    }
  }

  /** A credential row without a password cannot sign in, so it does not count as the last way. */
  @Test
  void aCredentialRowWithoutAPasswordIsNoWayToSignIn() {
    Browser browser = new Browser(base);
    String email = TestUser.uniqueEmail();
    String token =
        signInThrough(browser, "mock", IdentityProviderServer.user(sub(), email, true))
            .header("set-auth-token")
            .orElseThrow();
    String userId = Db.string("select id from \"user\" where email = ?", email);
    Db.update(
        "insert into \"account\" (\"id\",\"accountId\",\"providerId\",\"userId\",\"createdAt\","
            + "\"updatedAt\") values (?, ?, 'credential', ?, now(), now())",
        "cred-" + userId,
        userId,
        userId);
    TestUser u = new TestUser(userId, email, null, token, null);
    Api.Reply provider = unlink(u, "{\"providerId\":\"mock\"}");
    assertEquals(400, provider.status(), provider.toString());
    assertEquals("FAILED_TO_UNLINK_LAST_ACCOUNT", provider.code());
    assertEquals(200, unlink(u, "{\"providerId\":\"credential\"}").status());
    assertEquals(1, accountRows(u));
  }

  // --- one identity, one user, under races -------------------------------------------------

  /**
   * Two users link the same provider identity at once (id tokens whose email matches each one): one
   * wins, the other gets 409, never a 500 and never two rows. Repeated, for overlap.
   */
  @Test
  void theSameIdentityRacingToTwoUsersEndsWithOneOwner() {
    for (int round = 0; round < 5; round++) {
      TestUser a = TestUser.signUp(api());
      TestUser b = TestUser.signUp(api());
      String sub = sub();
      List<Api.Call> calls = new ArrayList<>();
      for (TestUser u : List.of(a, b)) {
        String token =
            IdentityProviderServer.idToken(
                "mock",
                IdentityProviderServer.CLIENT_ID,
                IdentityProviderServer.user(sub, u.email(), true),
                Duration.ofMinutes(5));
        calls.add(
            api()
                .post("link-social")
                .bearer(u.token())
                .json(
                    Json.createObjectBuilder()
                        .add("provider", "mock")
                        .add("idToken", Json.createObjectBuilder().add("token", token))
                        .build()));
      }
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(1, Race.count(replies, 200), "round " + round + ": " + replies);
      Api.Reply refused = replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
      assertEquals(409, refused.status(), refused.toString());
      assertEquals("SOCIAL_ACCOUNT_ALREADY_LINKED", refused.code());
      assertEquals(
          1,
          Db.count(
              "select count(*) from \"account\" where \"providerId\" = 'mock' and \"accountId\" ="
                  + " ?",
              sub));
    }
  }

  /** Two first sign-ins of one new identity at once: one user, one account, two sessions. */
  @Test
  void theSameNewIdentitySigningInTwiceAtOnceCreatesOneUser() {
    for (int round = 0; round < 3; round++) {
      String sub = sub();
      String email = TestUser.uniqueEmail();
      List<Api.Call> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Browser browser = new Browser(base);
        Browser.Authorized at =
            Browser.authorize(
                Browser.url(
                    browser.post("sign-in/social", SocialSignInIT.signInBody("mock"), null)));
        IdentityProviderServer.script(at.code(), IdentityProviderServer.user(sub, email, true));
        calls.add(
            api()
                .get(at.servicePath())
                .header(
                    "Cookie",
                    "better-auth.state=" + browser.cookie("better-auth.state").orElseThrow()));
      }
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      for (Api.Reply r : replies) {
        assertTrue(
            location(r).startsWith(APP + "/"), "both sign in: " + r.header("location").orElse(""));
        assertFalse(location(r).contains("error="), location(r));
      }
      assertEquals(1, Db.count("select count(*) from \"user\" where email = ?", email));
      assertEquals(
          1,
          Db.count(
              "select count(*) from \"account\" where \"providerId\" = 'mock' and \"accountId\" ="
                  + " ?",
              sub));
    }
  }
}

package dev.betterauthjakarta.it;

import static dev.betterauthjakarta.it.SocialSignInIT.signInThrough;
import static dev.betterauthjakarta.it.SocialSignInIT.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider tokens: sealed at rest, handed only to their owner, refreshed once however many callers
 * ask at the same moment; and the id-token sign-in, whose token is checked by signature, issuer,
 * audience, expiry and nonce.
 */
@ExtendWith(ArquillianExtension.class)
class ProviderTokensIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  /** A user who signed up through the provider: its bearer token and its account row id. */
  private record Signed(String token, String userId, String accountRow) {}

  private Signed signUpThroughProvider() {
    String email = TestUser.uniqueEmail();
    Api.Reply landed =
        signInThrough(new Browser(base), "mock", IdentityProviderServer.user(sub(), email, true));
    String userId = Db.string("select id from \"user\" where email = ?", email);
    return new Signed(
        landed.header("set-auth-token").orElseThrow(),
        userId,
        Db.string("select id from \"account\" where \"userId\" = ?", userId));
  }

  private Api.Reply getAccessToken(Signed s) {
    return api()
        .post("get-access-token")
        .bearer(s.token())
        .json("{\"accountId\":\"" + s.accountRow() + "\"}")
        .send();
  }

  @Test
  void tokensAreSealedInTheDatabaseAndOnlyGetAccessTokenHandsThemOut() {
    Signed s = signUpThroughProvider();
    Api.Reply reply = getAccessToken(s);
    assertEquals(200, reply.status(), reply.toString());
    JsonObject json = reply.json();
    String accessToken = json.getString("accessToken");
    String idToken = json.getString("idToken");
    assertEquals(3, accessToken.split("\\.").length, "the provider's JWT access token");
    assertTrue(json.containsKey("accessTokenExpiresAt"));
    assertEquals(3, json.getJsonArray("scopes").size());
    for (String column : List.of("accessToken", "refreshToken", "idToken")) {
      String stored =
          Db.string("select \"" + column + "\" from \"account\" where id = ?", s.accountRow());
      assertTrue(stored.startsWith("$bj1$"), column + ": " + stored);
      assertFalse(stored.contains(accessToken.substring(0, 20)), column);
      assertFalse(stored.contains(idToken.substring(0, 20)), column);
      assertFalse(stored.contains("eyJ"), column + " holds no JWT in clear");
    }
    // Another user asking for this account gets nothing.
    TestUser other = TestUser.signUp(api());
    Api.Reply foreign =
        api()
            .post("get-access-token")
            .bearer(other.token())
            .json("{\"accountId\":\"" + s.accountRow() + "\"}")
            .send();
    assertEquals(400, foreign.status());
    assertEquals("ACCOUNT_NOT_FOUND", foreign.code());
    // No other answer carries them.
    for (String path : List.of("list-accounts", "get-session", "list-sessions")) {
      String text = api().get(path).bearer(s.token()).send().text();
      assertFalse(text.contains(accessToken), path);
      assertFalse(text.contains(idToken), path);
    }
  }

  @Test
  void aTokenCopiedToAnotherRowDoesNotOpen() {
    Signed a = signUpThroughProvider();
    Signed b = signUpThroughProvider();
    Db.update(
        "update \"account\" set \"accessToken\" = (select \"accessToken\" from \"account\" where"
            + " id = ?) where id = ?",
        a.accountRow(),
        b.accountRow());
    Api.Reply reply = getAccessToken(b);
    assertEquals(400, reply.status(), reply.toString());
    assertEquals("FAILED_TO_GET_ACCESS_TOKEN", reply.code());
  }

  @Test
  void plaintextTokensLeftByBetterAuthAreReadAndSealedOnTheNextWrite() {
    Signed s = signUpThroughProvider();
    Db.update(
        "update \"account\" set \"accessToken\" = 'ya29.plain-access', \"idToken\" = 'plain-id',"
            + " \"accessTokenExpiresAt\" = now() + interval '1 hour' where id = ?",
        s.accountRow());
    JsonObject json = getAccessToken(s).json();
    assertEquals("ya29.plain-access", json.getString("accessToken"));
    assertEquals("plain-id", json.getString("idToken"));
    // A refresh writes the row: every token column is sealed again, the old id token included.
    Db.update(
        "update \"account\" set \"accessTokenExpiresAt\" = now() - interval '1 minute' where id ="
            + " ?",
        s.accountRow());
    JsonObject refreshed = getAccessToken(s).json();
    assertNotEquals("ya29.plain-access", refreshed.getString("accessToken"));
    for (String column : List.of("accessToken", "refreshToken", "idToken")) {
      assertTrue(
          Db.string("select \"" + column + "\" from \"account\" where id = ?", s.accountRow())
              .startsWith("$bj1$"),
          column);
    }
  }

  /**
   * Two callers ask for an expired token at once: the provider sees one refresh, and both get the
   * new token. Repeated, for overlap; the requests overlap because the second waits on the first's
   * row lock while the first is at the provider.
   */
  @Test
  void twoCallersRacingForAnExpiredTokenCauseOneRefreshAtTheProvider() {
    for (int round = 0; round < 4; round++) {
      Signed s = signUpThroughProvider();
      String before = getAccessToken(s).json().getString("accessToken");
      Db.update(
          "update \"account\" set \"accessTokenExpiresAt\" = now() - interval '1 minute'"
              + " where id = ?",
          s.accountRow());
      IdentityProviderServer.forgetRequests();
      List<Api.Call> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            api()
                .post("get-access-token")
                .bearer(s.token())
                .json("{\"accountId\":\"" + s.accountRow() + "\"}"));
      }
      List<Api.Reply> replies = Race.run(calls);
      assertEquals(2, Race.count(replies, 200), replies.toString());
      String first = replies.get(0).json().getString("accessToken");
      assertEquals(first, replies.get(1).json().getString("accessToken"));
      assertNotEquals(before, first, "refreshed");
      assertEquals(1, IdentityProviderServer.refreshGrantsSince(), "round " + round);
    }
  }

  @Test
  void refreshTokenAlwaysRefreshesAndAnswersTheAccountRow() {
    Signed s = signUpThroughProvider();
    String before = getAccessToken(s).json().getString("accessToken");
    Api.Reply reply =
        api()
            .post("refresh-token")
            .bearer(s.token())
            .json("{\"accountId\":\"" + s.accountRow() + "\"}")
            .send();
    assertEquals(200, reply.status(), reply.toString());
    JsonObject json = reply.json();
    assertNotEquals(before, json.getString("accessToken"));
    assertEquals(s.accountRow(), json.getString("accountId"));
    assertEquals("mock", json.getString("providerId"));
    assertEquals("openid,email,profile", json.getString("scope"));
    assertFalse(json.getString("refreshToken").isEmpty());
  }

  @Test
  void theOneSixSelectorNamesTheAccountByProvider() {
    Signed s = signUpThroughProvider();
    Api.Reply reply =
        api().post("get-access-token").bearer(s.token()).json("{\"providerId\":\"mock\"}").send();
    assertEquals(200, reply.status(), reply.toString());
    Api.Reply credential =
        api()
            .post("get-access-token")
            .bearer(TestUser.signUp(api()).token())
            .json("{\"providerId\":\"credential\"}")
            .send();
    assertEquals(400, credential.status());
  }

  @Test
  void accountInfoReadsTheProfileWithTheAccessToken() {
    Signed s = signUpThroughProvider();
    Api.Reply reply =
        api().get("account-info?accountId=" + s.accountRow()).bearer(s.token()).send();
    assertEquals(200, reply.status(), reply.toString());
    JsonObject json = reply.json();
    String email = Db.string("select email from \"user\" where id = ?", s.userId());
    assertEquals(email, json.getJsonObject("user").getString("email"));
    assertEquals(s.accountRow(), json.getJsonObject("account").getString("id"));
    assertEquals(
        IdentityProviderServer.issuer("mock"), json.getJsonObject("account").getString("issuer"));
    assertEquals(email, json.getJsonObject("data").getString("email"));
  }

  // --- the id-token sign-in ----------------------------------------------------------------

  private Api.Reply idTokenSignIn(String provider, String token, String nonce) {
    var idToken = Json.createObjectBuilder().add("token", token);
    if (nonce != null) {
      idToken.add("nonce", nonce);
    }
    return api()
        .post("sign-in/social")
        .json(Json.createObjectBuilder().add("provider", provider).add("idToken", idToken).build())
        .send();
  }

  private static String token(
      String issuer, String audience, Map<String, Object> claims, Duration life) {
    return IdentityProviderServer.idToken(issuer, audience, claims, life);
  }

  private static Map<String, Object> claims(String nonce) {
    Map<String, Object> c =
        new HashMap<>(IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
    if (nonce != null) {
      c.put("nonce", nonce);
    }
    return c;
  }

  @Test
  void anIdTokenSignsInWithoutARedirect() {
    Map<String, Object> c = claims(null);
    Api.Reply reply =
        idTokenSignIn(
            "mock",
            token("mock", IdentityProviderServer.CLIENT_ID, c, Duration.ofMinutes(5)),
            null);
    assertEquals(200, reply.status(), reply.toString());
    JsonObject json = reply.json();
    assertFalse(json.getBoolean("redirect"));
    assertFalse(json.containsKey("url"));
    assertEquals(c.get("email"), json.getJsonObject("user").getString("email"));
    assertTrue(reply.header("set-auth-token").isPresent());
    String stored =
        Db.string(
            "select \"idToken\" from \"account\" where \"providerId\" = 'mock' and \"accountId\" ="
                + " ?",
            c.get("sub"));
    assertTrue(stored.startsWith("$bj1$"), stored);
  }

  @Test
  void theNonceMustMatchWhenTheClientGivesOne() {
    assertEquals(
        200,
        idTokenSignIn(
                "mock",
                token(
                    "mock", IdentityProviderServer.CLIENT_ID, claims("n-1"), Duration.ofMinutes(5)),
                "n-1")
            .status());
    for (String[] mismatch : new String[][] {{"n-1", "n-2"}, {null, "n-2"}}) {
      Api.Reply reply =
          idTokenSignIn(
              "mock",
              token(
                  "mock",
                  IdentityProviderServer.CLIENT_ID,
                  claims(mismatch[0]),
                  Duration.ofMinutes(5)),
              mismatch[1]);
      assertEquals(401, reply.status(), reply.toString());
      assertEquals("INVALID_TOKEN", reply.code());
    }
  }

  @Test
  void expiredForeignAudienceOtherIssuerTamperedAndMalformedTokensAreRefused() {
    String valid =
        token("mock", IdentityProviderServer.CLIENT_ID, claims(null), Duration.ofMinutes(5));
    String tampered =
        valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (String bad :
        List.of(
            token("mock", IdentityProviderServer.CLIENT_ID, claims(null), Duration.ofMinutes(-5)),
            token("mock", "someone-else", claims(null), Duration.ofMinutes(5)),
            token("other", IdentityProviderServer.CLIENT_ID, claims(null), Duration.ofMinutes(5)),
            token(
                "untrusted", IdentityProviderServer.CLIENT_ID, claims(null), Duration.ofMinutes(5)),
            tampered,
            "not-a-jwt",
            valid.split("\\.")[0] + "." + valid.split("\\.")[1] + ".")) {
      Api.Reply reply = idTokenSignIn("mock", bad, null);
      assertEquals(401, reply.status(), bad + ": " + reply);
      assertEquals("INVALID_TOKEN", reply.code());
    }
  }

  @Test
  void anExtraConfiguredAudienceIsAccepted() {
    Api.Reply reply =
        idTokenSignIn(
            "mock",
            token(
                "mock",
                IdentityProviderServer.MOBILE_CLIENT_ID,
                claims(null),
                Duration.ofMinutes(5)),
            null);
    assertEquals(200, reply.status(), reply.toString());
  }

  @Test
  void theIdTokenSignInFollowsTheLinkingRules() {
    TestUser squatter = TestUser.signUp(api()); // unverified local email
    Map<String, Object> c = IdentityProviderServer.user(sub(), squatter.email(), true);
    Api.Reply reply =
        idTokenSignIn(
            "mock",
            token("mock", IdentityProviderServer.CLIENT_ID, c, Duration.ofMinutes(5)),
            null);
    assertEquals(401, reply.status(), reply.toString());
    assertEquals("OAUTH_LINK_ERROR", reply.code());
    assertEquals("account not linked", reply.json().getString("message"));
  }

  @Test
  void providersWithoutIdTokensAndUnknownProvidersAreNotFound() {
    String t = token("mock", IdentityProviderServer.CLIENT_ID, claims(null), Duration.ofMinutes(5));
    Api.Reply github = idTokenSignIn("github", t, null);
    assertEquals(404, github.status());
    assertEquals("ID_TOKEN_NOT_SUPPORTED", github.code());
    Api.Reply unknown = idTokenSignIn("nobody", t, null);
    assertEquals(404, unknown.status());
    assertEquals("PROVIDER_NOT_FOUND", unknown.code());
    Api.Reply noEmail =
        idTokenSignIn(
            "mock",
            token(
                "mock",
                IdentityProviderServer.CLIENT_ID,
                Map.of("sub", sub()),
                Duration.ofMinutes(5)),
            null);
    assertEquals(401, noEmail.status());
    assertEquals("USER_EMAIL_NOT_FOUND", noEmail.code());
  }
}

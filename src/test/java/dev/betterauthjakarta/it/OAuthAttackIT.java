package dev.betterauthjakarta.it;

import static dev.betterauthjakarta.it.SocialSignInIT.APP;
import static dev.betterauthjakarta.it.SocialSignInIT.SESSION_COOKIE;
import static dev.betterauthjakarta.it.SocialSignInIT.STATE_COOKIE;
import static dev.betterauthjakarta.it.SocialSignInIT.error;
import static dev.betterauthjakarta.it.SocialSignInIT.location;
import static dev.betterauthjakarta.it.SocialSignInIT.signInBody;
import static dev.betterauthjakarta.it.SocialSignInIT.signInThrough;
import static dev.betterauthjakarta.it.SocialSignInIT.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second attack on the provider routes, as an attacker would run it: account takeover by
 * pre-registering a victim's address through a lax provider, forged id tokens, redirect targets,
 * other users' accounts, replays and races of real requests, hostile input, and secrets in the
 * output.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthAttackIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private static boolean emailVerified(String email) {
    return Boolean.parseBoolean(
        Db.string("select \"emailVerified\"::text from \"user\" where email = ?", email));
  }

  private static String userIdOf(String email) {
    return Db.string("select id from \"user\" where email = ?", email);
  }

  // --- account takeover through a provider the service does not trust ------------------------

  /**
   * The attacker signs up through the untrusted provider (which lets anyone claim any address as
   * verified) with the victim's address before the victim ever comes. If that provider's word
   * verified the new user's email, the victim's later sign-in through a trusted provider would be
   * linked implicitly into the attacker's account, which the attacker keeps signing in to.
   */
  @Test
  void anUntrustedProviderCannotVerifyANewUsersEmailAndSoPreRegisterTheVictim() {
    String victim = TestUser.uniqueEmail();
    Browser attacker = new Browser(base);
    Api.Reply pre =
        signInThrough(attacker, "untrusted", IdentityProviderServer.user(sub(), victim, true));
    assertEquals(APP + "/new", location(pre), "the attacker's own sign-up works");
    assertFalse(
        emailVerified(victim), "an untrusted provider's email_verified verifies nothing here");

    Browser victimBrowser = new Browser(base);
    String victimSub = sub();
    Api.Reply landed =
        signInThrough(victimBrowser, "mock", IdentityProviderServer.user(victimSub, victim, true));
    assertEquals("account_not_linked", error(landed, APP + "/oops"));
    assertEquals(
        0,
        Db.count(
            "select count(*) from \"account\" where \"providerId\" = 'mock' and \"accountId\" = ?",
            victimSub),
        "the victim's identity is not in the attacker's account");
  }

  /** The same through the id-token route: an untrusted id token verifies no address either. */
  @Test
  void anUntrustedIdTokenCannotVerifyANewUsersEmail() {
    String victim = TestUser.uniqueEmail();
    Map<String, Object> claims =
        new java.util.HashMap<>(IdentityProviderServer.user(sub(), victim, true));
    String token =
        IdentityProviderServer.idToken(
            "untrusted", IdentityProviderServer.CLIENT_ID, claims, Duration.ofMinutes(5));
    Api.Reply reply =
        api()
            .post("sign-in/social")
            .json(
                Json.createObjectBuilder()
                    .add("provider", "untrusted")
                    .add("idToken", Json.createObjectBuilder().add("token", token))
                    .build())
            .send();
    assertEquals(200, reply.status(), reply.toString());
    assertFalse(reply.json().getJsonObject("user").getBoolean("emailVerified"), reply.toString());
    assertFalse(emailVerified(victim));
  }

  /**
   * The attacker's untrusted identity, which created a user with the victim's address, signs in
   * again: the existing account's sign-in must not verify the address either.
   */
  @Test
  void anUntrustedProviderCannotVerifyAnExistingUsersEmail() {
    String victim = TestUser.uniqueEmail();
    String sub = sub();
    assertEquals(
        APP + "/new",
        location(
            signInThrough(
                new Browser(base), "untrusted", IdentityProviderServer.user(sub, victim, true))));
    assertEquals(
        APP + "/welcome",
        location(
            signInThrough(
                new Browser(base), "untrusted", IdentityProviderServer.user(sub, victim, true))));
    assertFalse(emailVerified(victim), "still unverified");
    Api.Reply landed =
        signInThrough(new Browser(base), "mock", IdentityProviderServer.user(sub(), victim, true));
    assertEquals("account_not_linked", error(landed, APP + "/oops"));
  }

  /**
   * A password account registered with the victim's address (never verified) and an identity from
   * the untrusted provider claiming that address: linking them would give the attacker a second way
   * in that outlives the victim's password reset (which ends sessions, not links). Refused on the
   * redirect and on the id-token form of link-social; a verified address still links
   * (AccountLinkingIT).
   */
  @Test
  void anUntrustedIdentityCannotBeLinkedToAnUnverifiedAddress() {
    TestUser attacker = TestUser.signUp(api()); // the victim's address, unverified
    String sub = sub();
    Browser b = new Browser(base);
    Browser.Authorized at = startLink(b, attacker.token(), "untrusted");
    IdentityProviderServer.script(
        at.code(), IdentityProviderServer.user(sub, attacker.email(), true));
    assertEquals("unable_to_link_account", error(b.get(at.servicePath()), APP + "/link-failed"));

    String token =
        IdentityProviderServer.idToken(
            "untrusted",
            IdentityProviderServer.CLIENT_ID,
            IdentityProviderServer.user(sub, attacker.email(), true),
            Duration.ofMinutes(5));
    Api.Reply byIdToken =
        api()
            .post("link-social")
            .bearer(attacker.token())
            .json(
                Json.createObjectBuilder()
                    .add("provider", "untrusted")
                    .add("idToken", Json.createObjectBuilder().add("token", token))
                    .build())
            .send();
    assertEquals(401, byIdToken.status(), byIdToken.toString());
    assertEquals(
        0,
        Db.count(
            "select count(*) from \"account\" where \"providerId\" = 'untrusted' and \"userId\" ="
                + " ?",
            attacker.id()));
  }

  // --- a link flow outliving the session that started it -------------------------------------

  /** A browser link flow for {@code u}'s session, up to the provider's redirect back. */
  private Browser.Authorized startLink(Browser b, String token, String provider) {
    String body =
        Json.createObjectBuilder()
            .add("provider", provider)
            .add("callbackURL", APP + "/linked")
            .add("errorCallbackURL", APP + "/link-failed")
            .build()
            .toString();
    return Browser.authorize(Browser.url(b.post("link-social", body, token)));
  }

  /**
   * A thief with a stolen (fresh) session starts link-social for their own identity; the victim
   * notices and signs that session out (or revokes every session). The flow the thief started must
   * die with the session, or the thief's identity is linked minutes later and survives every
   * revocation.
   */
  @Test
  void aLinkFlowDiesWithTheSessionThatStartedIt() {
    TestUser victim = TestUser.signUp(api());
    String stolen = victim.signIn(api());
    Browser thief = new Browser(base);
    Browser.Authorized at = startLink(thief, stolen, "mock");
    String thiefSub = sub();
    IdentityProviderServer.script(
        at.code(), IdentityProviderServer.user(thiefSub, victim.email(), true));
    assertEquals(
        200, api().post("revoke-sessions").bearer(victim.token()).json("{}").send().status());

    Api.Reply landed = thief.get(at.servicePath());
    assertEquals("unable_to_link_account", error(landed, APP + "/link-failed"));
    assertEquals(
        0,
        Db.count(
            "select count(*) from \"account\" where \"providerId\" = 'mock' and \"accountId\" = ?",
            thiefSub),
        "the thief's identity is not linked");

    // The same with a plain sign-out of the session that started the flow.
    String second = victim.signIn(api());
    Browser again = new Browser(base);
    Browser.Authorized at2 = startLink(again, second, "mock");
    String sub2 = sub();
    IdentityProviderServer.script(
        at2.code(), IdentityProviderServer.user(sub2, victim.email(), true));
    assertEquals(200, api().post("sign-out").bearer(second).send().status());
    assertEquals(
        "unable_to_link_account", error(again.get(at2.servicePath()), APP + "/link-failed"));

    // A link flow whose session lasts still links.
    String third = victim.signIn(api());
    Browser ok = new Browser(base);
    Browser.Authorized at3 = startLink(ok, third, "mock");
    IdentityProviderServer.script(
        at3.code(), IdentityProviderServer.user(sub(), victim.email(), true));
    assertEquals(APP + "/linked", location(ok.get(at3.servicePath())));
  }

  /** A trusted provider's word still verifies the address (the rule did not go too far). */
  @Test
  void aTrustedProviderStillVerifiesTheAddress() {
    String email = TestUser.uniqueEmail();
    signInThrough(new Browser(base), "mock", IdentityProviderServer.user(sub(), email, true));
    assertTrue(emailVerified(email));
  }

  // --- forged id tokens ----------------------------------------------------------------------

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String claimsJson(String email) {
    long now = Instant.now().getEpochSecond();
    return Json.createObjectBuilder()
        .add("iss", IdentityProviderServer.issuer("mock"))
        .add("aud", IdentityProviderServer.CLIENT_ID)
        .add("sub", sub())
        .add("email", email)
        .add("email_verified", true)
        .add("iat", now)
        .add("exp", now + 300)
        .build()
        .toString();
  }

  private Api.Reply idTokenSignIn(String token) {
    return api()
        .post("sign-in/social")
        .json(
            Json.createObjectBuilder()
                .add("provider", "mock")
                .add("idToken", Json.createObjectBuilder().add("token", token))
                .build())
        .send();
  }

  @Test
  void unsignedAndClientSecretSignedIdTokensAreRefused() throws Exception {
    String victim = TestUser.uniqueEmail();
    String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claimsJson(victim)) + ".";
    String signingInput =
        b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claimsJson(victim));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec("jakarta-client-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String hs256 =
        signingInput
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    String valid =
        IdentityProviderServer.idToken(
            "mock",
            IdentityProviderServer.CLIENT_ID,
            IdentityProviderServer.user(sub(), victim, true),
            Duration.ofMinutes(5));
    String[] parts = valid.split("\\.");
    // The real signature over another header: kid pointing nowhere, a jku/x5u of the attacker's.
    String jku =
        b64("{\"alg\":\"RS256\",\"jku\":\"http://evil.example/jwks\",\"kid\":\"evil\"}")
            + "."
            + parts[1]
            + "."
            + parts[2];
    for (String forged : List.of(none, hs256, jku)) {
      Api.Reply reply = idTokenSignIn(forged);
      assertEquals(401, reply.status(), forged + ": " + reply);
      assertEquals("INVALID_TOKEN", reply.code());
    }
    assertEquals(0, Db.count("select count(*) from \"user\" where email = ?", victim));
  }

  // --- redirect targets on every start route -------------------------------------------------

  @Test
  void untrustedRedirectTargetsAreRefusedOnEveryStartRoute() {
    TestUser u = TestUser.signUp(api());
    List<String> hostile =
        List.of(
            "https://evil.example/x",
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example/x",
            "https://app.example.com.evil.example/x",
            "https://app.example.com@evil.example/x",
            "https://evil.example\\@app.example.com/x", // userinfo before the trusted host
            "https://evil.example%5C@app.example.com/x",
            "javascript:alert(1)",
            "data:text/html,hi",
            "/\t/evil.example",
            "https:evil.example",
            "http://app.example.com/x", // the trusted origin is https only
            "https://app.example.com:444/x");
    for (String target : hostile) {
      for (String field : List.of("callbackURL", "errorCallbackURL", "newUserCallbackURL")) {
        Api.Reply social =
            api()
                .post("sign-in/social")
                .json(Json.createObjectBuilder().add("provider", "mock").add(field, target).build())
                .send();
        assertEquals(403, social.status(), field + "=" + target + ": " + social);
        Api.Reply oauth2 =
            api()
                .post("sign-in/oauth2")
                .json(
                    Json.createObjectBuilder().add("providerId", "mock").add(field, target).build())
                .send();
        assertEquals(403, oauth2.status(), field + "=" + target + ": " + oauth2);
      }
      for (String field : List.of("callbackURL", "errorCallbackURL")) {
        Api.Reply link =
            api()
                .post("link-social")
                .bearer(u.token())
                .json(Json.createObjectBuilder().add("provider", "mock").add(field, target).build())
                .send();
        assertEquals(403, link.status(), field + "=" + target + ": " + link);
        JsonObject legacy =
            field.equals("callbackURL")
                ? Json.createObjectBuilder()
                    .add("providerId", "mock")
                    .add("callbackURL", target)
                    .build()
                : Json.createObjectBuilder()
                    .add("providerId", "mock")
                    .add("callbackURL", APP + "/ok")
                    .add(field, target)
                    .build();
        Api.Reply oauth2Link = api().post("oauth2/link").bearer(u.token()).json(legacy).send();
        assertEquals(403, oauth2Link.status(), field + "=" + target + ": " + oauth2Link);
      }
    }
  }

  /** A trusted target with odd characters lands exactly on the trusted host. */
  @Test
  void aTrustedTargetWithOddCharactersLandsOnTheTrustedHost() {
    for (String target :
        List.of(
            "https://app.example.com/%2F%2Fevil.example",
            "/%2F%2Fevil.example", "/..//evil.example")) {
      Browser browser = new Browser(base);
      String body =
          Json.createObjectBuilder()
              .add("provider", "mock")
              .add("callbackURL", target)
              .build()
              .toString();
      Api.Reply started = browser.post("sign-in/social", body, null);
      if (started.status() != 200) {
        assertEquals(403, started.status(), target + ": " + started);
        continue;
      }
      Browser.Authorized at = Browser.authorize(Browser.url(started));
      IdentityProviderServer.script(
          at.code(), IdentityProviderServer.user(sub(), TestUser.uniqueEmail(), true));
      URI landed = URI.create(location(browser.get(at.servicePath())));
      assertTrue(
          "app.example.com".equals(landed.getHost()) || "localhost".equals(landed.getHost()),
          target + " -> " + landed);
      assertEquals(
          null, landed.getRawUserInfo() == null ? null : "userinfo", target + " -> " + landed);
    }
  }

  // --- other users' accounts -----------------------------------------------------------------

  @Test
  void anotherUsersAccountIsNotFoundOnEveryTokenRoute() {
    Browser victimBrowser = new Browser(base);
    String victimSub = sub();
    signInThrough(
        victimBrowser,
        "mock",
        IdentityProviderServer.user(victimSub, TestUser.uniqueEmail(), true));
    String victimRow =
        Db.string(
            "select id from \"account\" where \"providerId\" = 'mock' and \"accountId\" = ?",
            victimSub);
    TestUser attacker = TestUser.signUp(api());
    for (String path : List.of("get-access-token", "refresh-token")) {
      for (JsonObject selector :
          List.of(
              Json.createObjectBuilder().add("accountId", victimRow).build(),
              Json.createObjectBuilder()
                  .add("providerId", "mock")
                  .add("accountId", victimSub)
                  .build())) {
        Api.Reply reply = api().post(path).bearer(attacker.token()).json(selector).send();
        assertEquals(400, reply.status(), path + " " + selector + ": " + reply);
        assertEquals("ACCOUNT_NOT_FOUND", reply.code());
      }
    }
    Api.Reply info =
        api().get("account-info?accountId=" + victimRow).bearer(attacker.token()).send();
    assertEquals(400, info.status(), info.toString());
    Api.Reply unlink =
        api()
            .post("unlink-account")
            .bearer(attacker.token())
            .json(Json.createObjectBuilder().add("accountId", victimRow).build())
            .send();
    assertNotEquals(200, unlink.status(), unlink.toString());
    assertEquals(
        1, Db.count("select count(*) from \"account\" where id = ?", victimRow), "still there");
  }

  // --- replays and races of real requests ----------------------------------------------------

  @Test
  void twoCallbacksWithTheSameCodeAndStateAtOnceOpenOneSession() {
    Browser browser = new Browser(base);
    Browser.Authorized at =
        Browser.authorize(Browser.url(browser.post("sign-in/social", signInBody("mock"), null)));
    String email = TestUser.uniqueEmail();
    IdentityProviderServer.script(at.code(), IdentityProviderServer.user(sub(), email, true));
    String cookie = STATE_COOKIE + "=" + browser.cookie(STATE_COOKIE).orElseThrow();
    List<Api.Call> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(api().get(at.servicePath()).header("Cookie", cookie));
    }
    List<Api.Reply> replies = Race.run(calls);
    long sessions =
        replies.stream()
            .filter(
                r ->
                    r.headers("set-cookie").stream()
                        .anyMatch(c -> c.startsWith(SESSION_COOKIE + "=")))
            .count();
    assertEquals(1, sessions, replies.toString());
    assertFalse(Race.anyServerError(replies), replies.toString());
    assertEquals(1, Db.count("select count(*) from \"user\" where email = ?", email));
    assertEquals(
        1,
        Db.count(
            "select count(*) from \"session\" s join \"user\" u on u.id = s.\"userId\""
                + " where u.email = ?",
            email));
  }

  /**
   * One new address signing up through two trusted providers at the same moment: one user, and
   * either both identities on it or the loser refused cleanly; never two users or a 500.
   */
  @Test
  void oneAddressSigningUpThroughTwoProvidersAtOnceIsOneUser() {
    for (int round = 0; round < 3; round++) {
      String email = TestUser.uniqueEmail();
      List<Api.Call> calls = new ArrayList<>();
      for (String provider : List.of("mock", "mock", "github")) {
        Browser b = new Browser(base);
        Browser.Authorized at =
            Browser.authorize(Browser.url(b.post("sign-in/social", signInBody(provider), null)));
        Map<String, Object> claims =
            new java.util.HashMap<>(IdentityProviderServer.user(sub(), email, true));
        claims.put("github_id", String.valueOf(System.nanoTime() % 1_000_000_000L));
        IdentityProviderServer.script(at.code(), claims);
        calls.add(
            api()
                .get(at.servicePath())
                .header("Cookie", STATE_COOKIE + "=" + b.cookie(STATE_COOKIE).orElseThrow()));
      }
      List<Api.Reply> replies = Race.run(calls);
      for (Api.Reply r : replies) {
        assertEquals(302, r.status(), r.toString());
        String to = r.header("location").orElseThrow();
        assertFalse(to.contains("internal"), to);
      }
      assertEquals(1, Db.count("select count(*) from \"user\" where email = ?", email));
    }
  }

  // --- hostile input -------------------------------------------------------------------------

  @Test
  void hostileInputOnTheProviderRoutesIsAJsonErrorOrARedirectNeverA500() {
    TestUser u = TestUser.signUp(api());
    List<Api.Reply> replies = new ArrayList<>();
    replies.add(api().get("callback/mock?state=%00%00&code=%00").send());
    replies.add(api().get("callback/mock?state=%ED%A0%80&code=%ED%A0%80").send());
    replies.add(api().get("oauth2/callback/mo%2Fck?state=x").send());
    replies.add(api().get("callback/" + "m".repeat(3000) + "?state=x").send());
    replies.add(api().get("callback/mock?state=a&state=b&code=c&code=d").send());
    replies.add(
        api()
            .post("callback/mock")
            .body("application/x-www-form-urlencoded", "state=%ZZ&code=%")
            .send());
    replies.add(
        api()
            .post("callback/mock")
            .body("application/x-www-form-urlencoded; charset=utf-16", "state=x")
            .send());
    replies.add(api().post("callback/mock").body("text/plain", "state=x").send());
    replies.add(api().post("sign-in/social").json("{\"provider\":\"\\ud800\"}").send());
    replies.add(api().post("sign-in/social").json("{\"provider\":\"mo\\u0000ck\"}").send());
    replies.add(api().post("sign-in/social").body("text/plain", "{\"provider\":\"mock\"}").send());
    replies.add(
        api()
            .post("sign-in/social")
            .json("{\"provider\":\"mock\",\"callbackURL\":\"/a\\u0000b\"}")
            .send());
    replies.add(
        api()
            .post("sign-in/social")
            .json("{\"provider\":\"mock\",\"loginHint\":\"\\ud800\"}")
            .send());
    replies.add(
        api()
            .post("sign-in/social")
            .json("{\"provider\":\"mock\",\"additionalParams\":{\"x\":\"\\u0000\\ud800\"}}")
            .send());
    replies.add(
        api()
            .post("sign-in/social")
            .json(
                "{\"provider\":\"mock\",\"idToken\":{\"token\":\"\\u0000\\ud800\",\"nonce\":\"\\ud800\"}}")
            .send());
    replies.add(
        api()
            .post("sign-in/social/exchange")
            .json("{\"exchangeCode\":\"\\u0000\",\"exchangeSecret\":\"\\ud800\"}")
            .send());
    replies.add(
        api()
            .post("get-access-token")
            .bearer(u.token())
            .json("{\"providerId\":\"\\u0000\",\"accountId\":\"\\ud800\"}")
            .send());
    replies.add(
        api().get("account-info?accountId=%00%ED%A0%80&providerId=%00").bearer(u.token()).send());
    replies.add(
        api()
            .post("unlink-account")
            .bearer(u.token())
            .json("{\"providerId\":\"\\u0000\",\"accountId\":\"\\ud800\"}")
            .send());
    replies.add(
        api()
            .post("link-social")
            .bearer(u.token())
            .json("{\"provider\":\"mock\",\"scopes\":[\"\\u0000\"]}")
            .send());
    // The container itself refuses a NUL in the path, before the application (HostileInputIT).
    Api.Reply nul = api().get("callback/%00?state=x&code=y").send();
    assertEquals(400, nul.status(), nul.toString());
    for (Api.Reply r : replies) {
      assertTrue(r.status() < 500, r.toString());
      if (r.status() != 302) {
        String type = r.header("content-type").orElse("");
        assertTrue(type.startsWith("application/json"), r + " " + type);
        assertTrue(r.json().containsKey("code"), r.toString());
      }
    }
  }

  // --- secrets in the output ----------------------------------------------------------------

  @Test
  void noProviderTokenCodeOrStateAppearsInTheServerOutputOrAnAnswer() {
    Browser browser = new Browser(base);
    Api.Reply started = browser.post("sign-in/social", signInBody("mock"), null);
    Browser.Authorized at = Browser.authorize(Browser.url(started));
    String email = TestUser.uniqueEmail();
    IdentityProviderServer.script(at.code(), IdentityProviderServer.user(sub(), email, true));
    Api.Reply landed = browser.get(at.servicePath());
    String token = landed.header("set-auth-token").orElseThrow();
    Api.Reply access =
        api()
            .post("get-access-token")
            .bearer(token)
            .json(Json.createObjectBuilder().add("providerId", "mock").build())
            .send();
    assertEquals(200, access.status(), access.toString());
    String accessToken = access.json().getString("accessToken");
    String idToken = access.json().getString("idToken");
    Api.Reply list = api().get("list-accounts").bearer(token).send();
    Api.Reply session = api().get("get-session").bearer(token).send();
    for (Api.Reply r : List.of(list, session, landed)) {
      assertFalse(r.text().contains(accessToken), r.toString());
      assertFalse(r.text().contains(idToken.split("\\.")[1]), r.toString());
      assertFalse(r.header("location").orElse("").contains(at.code()), r.toString());
    }
    // A failing callback and a refused id token, so the error paths log what they log.
    browser.get(at.servicePath());
    idTokenSignIn(idToken.substring(0, idToken.length() - 3) + "AAA");
    String output = ServerOutput.read();
    for (String secret : List.of(accessToken, idToken.split("\\.")[2], at.code(), at.state())) {
      assertFalse(output.contains(secret), "appears in " + ServerOutput.file() + ": " + secret);
    }
  }
}

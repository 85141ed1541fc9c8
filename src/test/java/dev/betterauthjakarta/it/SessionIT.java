package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.Fixtures;
import dev.betterauthjakarta.platform.Tokens;
import dev.betterauthjakarta.session.SignedTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up, sign-in, sign-out, get-session and the bearer filter, over HTTP on Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class SessionIT {
  /** The secret arquillian.xml gives the server. */
  static final byte[] SECRET =
      "integration-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private static JsonObject signUpBody(String email) {
    return Json.createObjectBuilder()
        .add("name", "Ada")
        .add("email", email)
        .add("password", TestUser.PASSWORD)
        .build();
  }

  // --- sign-up -------------------------------------------------------------------------------

  @Test
  void signUpCreatesTheUserItsCredentialAccountAndASessionStoredOnlyAsAHash() {
    String email = TestUser.uniqueEmail();
    Api.Reply reply = api().post("sign-up/email").json(signUpBody(email)).send();
    assertEquals(200, reply.status(), reply.toString());
    String token = reply.json().getString("token");
    JsonObject user = reply.json().getJsonObject("user");

    assertTrue(token.matches("^[A-Za-z0-9]{32}$"), token);
    assertEquals(SignedTokens.sign(SECRET, token), reply.header("set-auth-token").orElseThrow());
    assertEquals("set-auth-token", reply.header("access-control-expose-headers").orElseThrow());
    assertEquals(email, user.getString("email"));
    assertFalse(user.getBoolean("emailVerified"));
    assertEquals("user", user.getString("role"));
    assertFalse(user.getBoolean("banned"));
    assertFalse(user.getBoolean("twoFactorEnabled"));
    assertEquals(JsonValue.NULL, user.get("image"));
    assertTrue(
        user.getString("createdAt")
            .matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    UUID.fromString(user.getString("id"));

    String id = user.getString("id");
    assertEquals(
        1,
        Db.count(
            "select count(*) from \"session\" where \"userId\" = ? and \"token\" = ?",
            id,
            Tokens.hash(token)));
    assertEquals(0, Db.count("select count(*) from \"session\" where \"token\" = ?", token));
    assertEquals(
        id,
        Db.string(
            "select \"accountId\" from \"account\" where \"userId\" = ? and \"providerId\" ="
                + " 'credential'",
            id));
    assertTrue(
        Db.string("select \"password\" from \"account\" where \"userId\" = ?", id)
            .startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
  }

  @Test
  void emailsAreStoredLowerCasedAndASecondSignUpWithAnyCasingIs422() {
    String email = TestUser.uniqueEmail();
    Api.Reply first = api().post("sign-up/email").json(signUpBody(email.toUpperCase())).send();
    assertEquals(email, first.json().getJsonObject("user").getString("email"));
    Api.Reply second = api().post("sign-up/email").json(signUpBody(email)).send();
    assertEquals(422, second.status());
    assertEquals("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", second.code());
    assertEquals("User already exists. Use another email.", second.json().getString("message"));
  }

  @Test
  void signUpRefusesBadInputWithBetterAuthsCodesAndWritesNothing() {
    String email = TestUser.uniqueEmail();
    record Case(String body, int status, String code) {}
    List<Case> cases =
        List.of(
            new Case(
                "{\"name\":\"a\",\"email\":\"not-an-email\",\"password\":\"password123\"}",
                400,
                "VALIDATION_ERROR"),
            new Case(
                "{\"name\":\"a\",\"email\":\"" + email + "\",\"password\":\"short\"}",
                400,
                "PASSWORD_TOO_SHORT"),
            new Case(
                "{\"name\":\"a\",\"email\":\""
                    + email
                    + "\",\"password\":\""
                    + "p".repeat(129)
                    + "\"}",
                400,
                "PASSWORD_TOO_LONG"),
            new Case(
                "{\"name\":\"a\",\"email\":\""
                    + email
                    + "\",\"password\":\"password123\",\"role\":\"admin\"}",
                400,
                "FIELD_NOT_ALLOWED"),
            new Case(
                "{\"name\":7,\"email\":\"" + email + "\",\"password\":\"password123\"}",
                400,
                "VALIDATION_ERROR"),
            new Case("{\"name\":\"a\",\"password\":\"password123\"}", 400, "VALIDATION_ERROR"),
            new Case(
                "{\"name\":\"a\",\"email\":\""
                    + "e".repeat(65)
                    + "@example.com\",\"password\":\"password123\"}",
                400,
                "VALIDATION_ERROR"),
            new Case(
                "{\"name\":\"a\",\"email\":\""
                    + email
                    + "\",\"password\":\"password123\",\"username\":\"x\"}",
                400,
                "USERNAME_TOO_SHORT"),
            new Case(
                "{\"name\":\"a\",\"email\":\""
                    + email
                    + "\",\"password\":\"password123\",\"callbackURL\":\"https://evil.example/\"}",
                403,
                "INVALID_CALLBACK_URL"));
    for (Case c : cases) {
      Api.Reply reply = api().post("sign-up/email").json(c.body()).send();
      assertEquals(c.status(), reply.status(), c.body() + " -> " + reply);
      assertEquals(c.code(), reply.code(), c.body());
    }
    assertEquals(0, Db.count("select count(*) from \"user\" where \"email\" = ?", email));
  }

  @Test
  void signUpIgnoresFieldsUsersMayNotSet() {
    TestUser u =
        TestUser.signUp(
            api(),
            Json.createObjectBuilder()
                .add("emailVerified", true)
                .add("banned", true)
                .add("twoFactorEnabled", true)
                .add("id", "chosen-id"));
    assertFalse(u.user().getBoolean("emailVerified"));
    assertFalse(u.user().getBoolean("banned"));
    assertFalse(u.user().getBoolean("twoFactorEnabled"));
    assertNotEquals("chosen-id", u.id());
  }

  @Test
  void signUpTakesUsernamesTheWayTheUsernamePluginDoes() {
    String typed = "Ada_" + TestUser.uniqueUsername().substring(0, 10);
    TestUser a = TestUser.signUp(api(), Json.createObjectBuilder().add("username", typed));
    assertEquals(typed.toLowerCase(), a.user().getString("username"));
    assertEquals(typed, a.user().getString("displayUsername"));

    String display = "Grace." + TestUser.uniqueUsername().substring(0, 10);
    TestUser b = TestUser.signUp(api(), Json.createObjectBuilder().add("displayUsername", display));
    assertEquals(display.toLowerCase(), b.user().getString("username"));

    Api.Reply taken =
        api()
            .post("sign-up/email")
            .json(
                Json.createObjectBuilder(signUpBody(TestUser.uniqueEmail()))
                    .add("username", typed.toUpperCase())
                    .build())
            .send();
    assertEquals(400, taken.status());
    assertEquals("USERNAME_IS_ALREADY_TAKEN", taken.code());
  }

  // --- sign-in -------------------------------------------------------------------------------

  @Test
  void signInOpensANewSessionAndAnswersLikeBetterAuth() {
    TestUser u = TestUser.signUp(api());
    Api.Reply reply =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email().toUpperCase())
                    .add("password", u.password())
                    .build())
            .send();
    assertEquals(200, reply.status(), reply.toString());
    JsonObject json = reply.json();
    assertFalse(json.getBoolean("redirect"));
    assertFalse(json.containsKey("url"));
    String token = json.getString("token");
    assertNotEquals(u.token(), token);
    assertEquals(u.id(), json.getJsonObject("user").getString("id"));
    assertEquals(SignedTokens.sign(SECRET, token), reply.header("set-auth-token").orElseThrow());
    assertEquals(2, Db.count("select count(*) from \"session\" where \"userId\" = ?", u.id()));
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    TestUser u = TestUser.signUp(api());
    Api.Reply wrong =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("password", "wrong password")
                    .build())
            .send();
    Api.Reply unknown =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", TestUser.uniqueEmail())
                    .add("password", "wrong password")
                    .build())
            .send();
    assertEquals(401, wrong.status());
    assertEquals(wrong.status(), unknown.status());
    assertEquals(wrong.text(), unknown.text());
    assertEquals("INVALID_EMAIL_OR_PASSWORD", wrong.code());
    Api.Reply malformed =
        api().post("sign-in/email").json("{\"email\":\"nope\",\"password\":\"x\"}").send();
    assertEquals(400, malformed.status());
    assertEquals("INVALID_EMAIL", malformed.code());
  }

  @Test
  void aBetterAuthScryptPasswordSignsInAndIsUpgradedToArgon2id() {
    String id = UUID.randomUUID().toString();
    String email = TestUser.uniqueEmail();
    JsonObject fixture = Fixtures.jsonArray("hashes.json").getJsonObject(1); // "Pässwörd-ﬁ 123"
    Db.update(
        "insert into \"user\""
            + " (\"id\",\"name\",\"email\",\"emailVerified\",\"createdAt\",\"updatedAt\") values"
            + " (?,?,?,false,now(),now())",
        id,
        "Grace",
        email);
    Db.update(
        "insert into \"account\""
            + " (\"id\",\"accountId\",\"providerId\",\"userId\",\"password\",\"createdAt\",\"updatedAt\")"
            + " values (?,?,'credential',?,?,now(),now())",
        UUID.randomUUID().toString(),
        id,
        id,
        fixture.getString("hash"));

    JsonObject body =
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", fixture.getString("password"))
            .build();
    Api.Reply first = api().post("sign-in/email").json(body).send();
    assertEquals(200, first.status(), first.toString());
    String stored = Db.string("select \"password\" from \"account\" where \"userId\" = ?", id);
    assertTrue(stored.startsWith("$argon2id$"), stored);
    assertEquals(
        200, api().post("sign-in/email").json(body).send().status(), "the upgraded hash verifies");
  }

  @Test
  void aBannedUserCannotSignInAndTheirSessionsStopWorkingAtOnce() {
    TestUser u = TestUser.signUp(api());
    assertEquals(200, api().get("list-accounts").bearer(u.token()).send().status());
    Db.update(
        "update \"user\" set \"banned\" = true, \"banReason\" = 'spam' where \"id\" = ?", u.id());

    assertEquals("null", api().get("get-session").bearer(u.token()).send().text());
    Api.Reply guarded = api().post("update-user").bearer(u.token()).json("{\"name\":\"x\"}").send();
    assertEquals(401, guarded.status());
    Api.Reply signIn =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("password", u.password())
                    .build())
            .send();
    assertEquals(403, signIn.status());
    assertEquals("BANNED_USER", signIn.code());
  }

  @Test
  void anExpiredBanIsLiftedAndTheUserGetsBackIn() {
    TestUser u = TestUser.signUp(api());
    Db.update(
        "update \"user\" set \"banned\" = true, \"banReason\" = 'cool-off', \"banExpires\" = now()"
            + " - interval '1 minute' where \"id\" = ?",
        u.id());
    Api.Reply session = api().get("get-session").bearer(u.token()).send();
    assertEquals(200, session.status());
    assertFalse(session.json().getJsonObject("user").getBoolean("banned"));
    assertEquals(
        "false", Db.string("select \"banned\"::text from \"user\" where \"id\" = ?", u.id()));
    assertEquals(null, Db.string("select \"banReason\" from \"user\" where \"id\" = ?", u.id()));
  }

  // --- get-session and the bearer filter -----------------------------------------------------

  @Test
  void getSessionAnswersSessionAndUserForEveryBearerForm() {
    TestUser u = TestUser.signUp(api());
    String signed = SignedTokens.sign(SECRET, u.token());
    for (String credential :
        List.of(u.token(), signed, URLEncoder.encode(signed, StandardCharsets.UTF_8))) {
      Api.Reply reply = api().get("get-session").bearer(credential).send();
      assertEquals(200, reply.status());
      JsonObject session = reply.json().getJsonObject("session");
      assertEquals(u.token(), session.getString("token"), "the caller's own token, never the hash");
      assertEquals(u.id(), session.getString("userId"));
      assertEquals(u.id(), reply.json().getJsonObject("user").getString("id"));
      assertTrue(reply.header("cache-control").orElseThrow().contains("no-store"));
    }
    Api.Reply lower =
        api().get("get-session").header("Authorization", "bearer " + u.token()).send();
    assertEquals(u.id(), lower.json().getJsonObject("user").getString("id"));
  }

  @Test
  void withoutAValidSessionGetSessionIsNullAndGuardedRoutesAre401() {
    TestUser u = TestUser.signUp(api());
    String badSignature = u.token() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    List<Api.Call> anonymous =
        List.of(
            api().get("get-session"),
            api().get("get-session").bearer("garbage"),
            api().get("get-session").bearer(badSignature),
            api().get("get-session").header("Authorization", "Basic " + u.token()));
    for (Api.Call call : anonymous) {
      Api.Reply reply = call.send();
      assertEquals(200, reply.status());
      assertEquals("null", reply.text());
    }
    for (Api.Call call :
        List.of(
            api().post("update-user").json("{\"name\":\"x\"}"),
            api().post("update-user").bearer(badSignature).json("{\"name\":\"x\"}"),
            api().post("delete-user").bearer("garbage"),
            api().post("change-email").json("{\"newEmail\":\"a@example.com\"}"),
            api().get("list-accounts"))) {
      Api.Reply reply = call.send();
      assertEquals(401, reply.status());
      assertEquals("{\"code\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}", reply.text());
      assertEquals("Bearer", reply.header("www-authenticate").orElseThrow());
    }
  }

  @Test
  void anExpiredSessionIsNoSessionAndIsDeleted() {
    TestUser u = TestUser.signUp(api());
    Db.update(
        "update \"session\" set \"expiresAt\" = now() - interval '1 second' where \"userId\" = ?",
        u.id());
    assertEquals("null", api().get("get-session").bearer(u.token()).send().text());
    assertEquals(
        401, api().post("update-user").bearer(u.token()).json("{\"name\":\"x\"}").send().status());
    assertEquals(0, Db.count("select count(*) from \"session\" where \"userId\" = ?", u.id()));
  }

  @Test
  void aSessionLastExtendedADayAgoSlidesForwardAndSaysSo() {
    TestUser u = TestUser.signUp(api());
    Db.update(
        "update \"session\" set \"expiresAt\" = now() + interval '5 days' where \"userId\" = ?",
        u.id());

    Api.Reply noRefresh = api().get("get-session?disableRefresh=true").bearer(u.token()).send();
    assertTrue(noRefresh.header("set-auth-token").isEmpty());

    Api.Reply reply = api().get("get-session").bearer(u.token()).send();
    Instant expires = Instant.parse(reply.json().getJsonObject("session").getString("expiresAt"));
    assertTrue(
        Duration.between(Instant.now(), expires).toHours() >= 24 * 7 - 1, expires.toString());
    assertEquals(
        SignedTokens.sign(SECRET, u.token()), reply.header("set-auth-token").orElseThrow());

    Api.Reply again = api().get("get-session").bearer(u.token()).send();
    assertTrue(again.header("set-auth-token").isEmpty(), "refreshed at most once per updateAge");
  }

  @Test
  void rememberMeFalseGivesAOneDaySessionThatNeverSlides() {
    TestUser u = TestUser.signUp(api());
    Api.Reply reply =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("password", u.password())
                    .add("rememberMe", false)
                    .build())
            .send();
    JsonObject session =
        api()
            .get("get-session")
            .bearer(reply.json().getString("token"))
            .send()
            .json()
            .getJsonObject("session");
    Duration lifetime =
        Duration.between(
            Instant.parse(session.getString("createdAt")),
            Instant.parse(session.getString("expiresAt")));
    assertEquals(Duration.ofDays(1), lifetime);

    String token = reply.json().getString("token");
    Db.update(
        "update \"session\" set \"createdAt\" = now() - interval '20 hours', \"expiresAt\" = now()"
            + " + interval '4 hours' where \"token\" = ?",
        Tokens.hash(token));
    Api.Reply later = api().get("get-session").bearer(token).send();
    assertTrue(later.header("set-auth-token").isEmpty());
    Instant expires = Instant.parse(later.json().getJsonObject("session").getString("expiresAt"));
    assertTrue(expires.isBefore(Instant.now().plus(Duration.ofHours(5))));
  }

  // --- sign-out ------------------------------------------------------------------------------

  @Test
  void signOutEndsOnlyTheCallersSession() {
    TestUser u = TestUser.signUp(api());
    String other = u.signIn(api());
    Api.Reply reply = api().post("sign-out").bearer(u.token()).send();
    assertEquals(200, reply.status());
    assertEquals("{\"success\":true}", reply.text());
    assertEquals("null", api().get("get-session").bearer(u.token()).send().text());
    assertEquals(
        u.id(),
        api().get("get-session").bearer(other).send().json().getJsonObject("user").getString("id"));
  }

  @Test
  void signOutWithoutASessionStillSucceeds() {
    Api.Reply reply = api().post("sign-out").json("{}").send();
    assertEquals(200, reply.status());
    assertTrue(reply.json().getBoolean("success"));
  }

  // --- session management ------------------------------------------------------------------

  @Test
  void listSessionsShowsLiveSessionsWithTokensThatAreNotCredentials() {
    TestUser u = TestUser.signUp(api());
    String second = u.signIn(api());
    Api.Reply reply = api().get("list-sessions").bearer(u.token()).send();
    assertEquals(200, reply.status(), reply.toString());
    var sessions = reply.value().asJsonArray();
    assertEquals(2, sessions.size());
    List<String> shown = sessions.stream().map(v -> v.asJsonObject().getString("token")).toList();
    assertEquals(List.of(Tokens.hash(u.token()), Tokens.hash(second)), shown);
    for (String hash : shown) {
      assertEquals(
          "null",
          api().get("get-session").bearer(hash).send().text(),
          "a listed token is no credential");
    }
    assertFalse(reply.text().contains(u.token()) || reply.text().contains(second));
  }

  @Test
  void listSessionsNeedsAFreshSession() {
    TestUser u = TestUser.signUp(api());
    u.ageSessions();
    Api.Reply reply = api().get("list-sessions").bearer(u.token()).send();
    assertEquals(403, reply.status());
    assertEquals("SESSION_NOT_FRESH", reply.code());
  }

  @Test
  void revokeSessionEndsOneOfTheCallersSessionsByRawTokenOrListedHash() {
    TestUser u = TestUser.signUp(api());
    String second = u.signIn(api());
    String third = u.signIn(api());
    assertEquals(
        "{\"status\":true}",
        api()
            .post("revoke-session")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("token", second).build())
            .send()
            .text());
    assertEquals("null", api().get("get-session").bearer(second).send().text());
    api()
        .post("revoke-session")
        .bearer(u.token())
        .json(Json.createObjectBuilder().add("token", Tokens.hash(third)).build())
        .send();
    assertEquals("null", api().get("get-session").bearer(third).send().text());
    assertEquals(200, api().get("get-session").bearer(u.token()).send().status());
    assertEquals(1, Db.count("select count(*) from \"session\" where \"userId\" = ?", u.id()));
  }

  @Test
  void revokeSessionCannotTouchAnotherUsersSessionAndSaysNothingAboutIt() {
    TestUser u = TestUser.signUp(api());
    TestUser other = TestUser.signUp(api());
    for (String token : List.of(other.token(), Tokens.hash(other.token()), "garbage")) {
      Api.Reply reply =
          api()
              .post("revoke-session")
              .bearer(u.token())
              .json(Json.createObjectBuilder().add("token", token).build())
              .send();
      assertEquals("{\"status\":true}", reply.text());
    }
    assertEquals(
        other.id(),
        api()
            .get("get-session")
            .bearer(other.token())
            .send()
            .json()
            .getJsonObject("user")
            .getString("id"));
    assertEquals(
        "VALIDATION_ERROR",
        api().post("revoke-session").bearer(u.token()).json("{}").send().code());
  }

  @Test
  void revokeSessionsEndsAllOfThemAndRevokeOtherSessionsAllButTheCallers() {
    TestUser u = TestUser.signUp(api());
    String second = u.signIn(api());
    String third = u.signIn(api());
    TestUser bystander = TestUser.signUp(api());
    assertEquals(200, api().post("revoke-other-sessions").bearer(second).send().status());
    assertEquals("null", api().get("get-session").bearer(u.token()).send().text());
    assertEquals("null", api().get("get-session").bearer(third).send().text());
    assertEquals(200, api().get("get-session").bearer(second).send().status());
    assertEquals(
        "{\"status\":true}", api().post("revoke-sessions").bearer(second).json("{}").send().text());
    assertEquals("null", api().get("get-session").bearer(second).send().text());
    assertEquals(0, Db.count("select count(*) from \"session\" where \"userId\" = ?", u.id()));
    assertEquals(
        1, Db.count("select count(*) from \"session\" where \"userId\" = ?", bystander.id()));
  }

  /**
   * A session being extended by several requests while revoke-sessions deletes it: the extension
   * must not bring it back, and no request may fail with a server error.
   */
  @Test
  void revokingWhileRefreshesAreInFlightLeavesNoSessionAndNoServerError() {
    for (int round = 0; round < 4; round++) {
      TestUser u = TestUser.signUp(api());
      String second = u.signIn(api());
      Db.update(
          "update \"session\" set \"expiresAt\" = now() + interval '5 days' where \"userId\" = ?",
          u.id());
      List<Api.Call> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(api().get("get-session").bearer(second));
        calls.add(api().post("update-user").bearer(second).json("{\"name\":\"r" + i + "\"}"));
      }
      calls.add(2, api().post("revoke-sessions").bearer(u.token()));
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(
          0,
          Db.count("select count(*) from \"session\" where \"userId\" = ?", u.id()),
          "round " + round);
      assertEquals("null", api().get("get-session").bearer(second).send().text());
    }
  }

  // --- usernames -----------------------------------------------------------------------------

  @Test
  void signInWithUsernameIgnoresCaseAndAnswersLikeEmailSignIn() {
    String typed = "Ada_" + TestUser.uniqueUsername().substring(0, 8);
    TestUser u = TestUser.signUp(api(), Json.createObjectBuilder().add("username", typed));
    Api.Reply reply =
        api()
            .post("sign-in/username")
            .json(
                Json.createObjectBuilder()
                    .add("username", typed.toUpperCase())
                    .add("password", u.password())
                    .build())
            .send();
    assertEquals(200, reply.status(), reply.toString());
    assertFalse(reply.json().getBoolean("redirect"));
    assertEquals(u.id(), reply.json().getJsonObject("user").getString("id"));
    assertTrue(reply.header("set-auth-token").isPresent());

    Api.Reply wrong =
        api()
            .post("sign-in/username")
            .json(
                Json.createObjectBuilder()
                    .add("username", typed)
                    .add("password", "wrong password")
                    .build())
            .send();
    Api.Reply unknown =
        api()
            .post("sign-in/username")
            .json(
                Json.createObjectBuilder()
                    .add("username", TestUser.uniqueUsername())
                    .add("password", "wrong password")
                    .build())
            .send();
    assertEquals(401, wrong.status());
    assertEquals(wrong.text(), unknown.text());
    assertEquals("INVALID_USERNAME_OR_PASSWORD", wrong.code());
    Api.Reply malformed =
        api().post("sign-in/username").json("{\"username\":\"a b\",\"password\":\"x\"}").send();
    assertEquals(422, malformed.status());
    assertEquals("INVALID_USERNAME", malformed.code());
  }

  @Test
  void isUsernameAvailableAnswersWhetherItIsTaken() {
    String typed = TestUser.uniqueUsername();
    TestUser.signUp(api(), Json.createObjectBuilder().add("username", typed));
    assertEquals(
        "{\"available\":false}",
        api()
            .post("is-username-available")
            .json("{\"username\":\"" + typed.toUpperCase() + "\"}")
            .send()
            .text());
    assertEquals(
        "{\"available\":true}",
        api()
            .post("is-username-available")
            .json("{\"username\":\"" + TestUser.uniqueUsername() + "\"}")
            .send()
            .text());
    Api.Reply tooShort = api().post("is-username-available").json("{\"username\":\"ab\"}").send();
    assertEquals(422, tooShort.status());
    assertEquals("USERNAME_TOO_SHORT", tooShort.code());
  }

  // --- malformed requests --------------------------------------------------------------------

  @Test
  void malformedRequestsGetAStatusAndACodeNeverA500() {
    record Case(Api.Call call, int status, String code) {}
    List<Case> cases =
        List.of(
            new Case(api().post("sign-in/email").json("{\"email\": "), 400, "BAD_REQUEST"),
            new Case(api().post("sign-in/email").json("[1,2]"), 400, "VALIDATION_ERROR"),
            new Case(
                api().post("sign-in/email").body("text/plain", "email=a"),
                415,
                "UNSUPPORTED_MEDIA_TYPE"),
            new Case(
                api().post("sign-up/email").json("{\"pad\":\"" + "x".repeat(70_000) + "\"}"),
                413,
                "PAYLOAD_TOO_LARGE"),
            new Case(api().get("no-such-route"), 404, "NOT_FOUND"),
            new Case(api().get("sign-up/email"), 405, "METHOD_NOT_ALLOWED"),
            new Case(api().method("DELETE", "get-session"), 405, "METHOD_NOT_ALLOWED"));
    for (Case c : cases) {
      Api.Reply reply = c.call().send();
      assertEquals(c.status(), reply.status(), reply.toString());
      assertEquals(c.code(), reply.code(), reply.toString());
      assertTrue(reply.json().containsKey("message"));
      assertTrue(reply.header("content-type").orElseThrow().startsWith("application/json"));
    }
    assertTrue(api().get("sign-up/email").send().header("allow").orElseThrow().contains("POST"));
  }

  @Test
  void anEmptyBodyCountsAsAnEmptyObject() {
    TestUser u = TestUser.signUp(api());
    assertEquals(200, api().post("sign-out").bearer(u.token()).json("").send().status());
    Api.Reply update = api().post("update-user").bearer(u.signIn(api())).json("").send();
    assertEquals(400, update.status());
    assertEquals("NO_FIELDS_TO_UPDATE", update.code());
  }

  // --- races ---------------------------------------------------------------------------------

  /**
   * Several sign-ups for one address at once (repeated: the check-then-insert window is short next
   * to the password hashing, so overlap is a matter of luck in any one round).
   */
  @Test
  void signUpsRacingForOneEmailCreateOneUser() {
    for (int round = 0; round < 4; round++) {
      String email = TestUser.uniqueEmail();
      List<Api.Call> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(
            api().post("sign-up/email").json(signUpBody(i % 2 == 0 ? email : email.toUpperCase())));
      }
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(1, Race.count(replies, 200), replies.toString());
      assertEquals(5, Race.count(replies, 422), replies.toString());
      assertEquals(1, Db.count("select count(*) from \"user\" where \"email\" = ?", email));
      assertEquals(
          1,
          Db.count(
              "select count(*) from \"account\" a join \"user\" u on u.\"id\" = a.\"userId\" where"
                  + " u.\"email\" = ?",
              email));
    }
  }

  @Test
  void signUpsRacingForOneUsernameGiveItToOne() {
    for (int round = 0; round < 3; round++) {
      String username = TestUser.uniqueUsername();
      List<Api.Call> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            api()
                .post("sign-up/email")
                .json(
                    Json.createObjectBuilder(signUpBody(TestUser.uniqueEmail()))
                        .add("username", i % 2 == 0 ? username : username.toUpperCase())
                        .build()));
      }
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(1, Race.count(replies, 200), replies.toString());
      assertEquals(
          3,
          replies.stream()
              .filter(r -> r.status() == 400 && r.code().equals("USERNAME_IS_ALREADY_TAKEN"))
              .count(),
          replies.toString());
      assertEquals(1, Db.count("select count(*) from \"user\" where \"username\" = ?", username));
    }
  }
}

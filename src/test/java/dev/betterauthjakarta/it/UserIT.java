package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.session.SignedTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** update-user, delete-user, change-email and verify-email, over HTTP with a real SMTP server. */
@ExtendWith(ArquillianExtension.class)
class UserIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private JsonObject userOf(String token) {
    Api.Reply reply = api().get("get-session").bearer(token).send();
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().getJsonObject("user");
  }

  private Api.Reply update(TestUser u, String json) {
    return api().post("update-user").bearer(u.token()).json(json).send();
  }

  // --- update-user ---------------------------------------------------------------------------

  @Test
  void updateUserChangesOnlyTheFieldsItIsGiven() {
    TestUser u =
        TestUser.signUp(
            api(), Json.createObjectBuilder().add("image", "https://example.com/a.png"));
    Api.Reply reply = update(u, "{\"name\":\"Ada King\"}");
    assertEquals(200, reply.status(), reply.toString());
    assertEquals("{\"status\":true}", reply.text());
    assertEquals(
        SignedTokens.sign(SessionIT.SECRET, u.token()),
        reply.header("set-auth-token").orElseThrow());
    JsonObject user = userOf(u.token());
    assertEquals("Ada King", user.getString("name"));
    assertEquals("https://example.com/a.png", user.getString("image"));

    assertEquals(200, update(u, "{\"image\":null}").status());
    user = userOf(u.token());
    assertEquals(JsonValue.NULL, user.get("image"));
    assertEquals("Ada King", user.getString("name"));
    assertTrue(user.getString("updatedAt").compareTo(user.getString("createdAt")) > 0);
  }

  @Test
  void usernamesAreStoredLowerCasedWithTheTypedDisplayNameAndOnesOwnCanBeSetAgain() {
    TestUser u = TestUser.signUp(api());
    String typed = "Ada_" + TestUser.uniqueUsername().substring(0, 8);
    assertEquals(
        200,
        update(u, "{\"username\":\"" + typed + "\",\"displayUsername\":\"" + typed + "\"}")
            .status());
    JsonObject user = userOf(u.token());
    assertEquals(typed.toLowerCase(), user.getString("username"));
    assertEquals(typed, user.getString("displayUsername"));

    assertEquals(
        200,
        update(u, "{\"username\":\"" + typed.toUpperCase() + "\"}").status(),
        "one's own username");
    assertEquals(200, update(u, "{\"displayUsername\":\"The Countess\"}").status());
    user = userOf(u.token());
    assertEquals(typed.toLowerCase(), user.getString("username"), "changing one leaves the other");
    assertEquals("The Countess", user.getString("displayUsername"));

    TestUser other = TestUser.signUp(api());
    Api.Reply taken = update(other, "{\"username\":\"" + typed + "\"}");
    assertEquals(400, taken.status());
    assertEquals("USERNAME_IS_ALREADY_TAKEN", taken.code());
    Api.Reply invalid = update(other, "{\"username\":\"no spaces\"}");
    assertEquals("INVALID_USERNAME", invalid.code());
  }

  @Test
  void metadataIsAJsonMergePatchStoredAsJsonb() {
    TestUser u = TestUser.signUp(api());
    assertEquals(
        200,
        update(u, "{\"metadata\":{\"theme\":\"dark\",\"plan\":\"pro\",\"ui\":{\"lang\":\"en\"}}}")
            .status());
    assertEquals(200, update(u, "{\"metadata\":{\"plan\":null,\"ui\":{\"tz\":\"CET\"}}}").status());
    JsonObject metadata = userOf(u.token()).getJsonObject("metadata");
    assertEquals(
        Json.createObjectBuilder()
            .add("theme", "dark")
            .add("ui", Json.createObjectBuilder().add("lang", "en").add("tz", "CET"))
            .build(),
        metadata);
    assertEquals(
        "jsonb",
        Db.string("select pg_typeof(\"metadata\")::text from \"user\" where \"id\" = ?", u.id()));
    assertEquals(
        "CET",
        Db.string("select \"metadata\" -> 'ui' ->> 'tz' from \"user\" where \"id\" = ?", u.id()));

    assertEquals(200, update(u, "{\"metadata\":null}").status());
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, userOf(u.token()).getJsonObject("metadata"));
  }

  @Test
  void updateUserRefusesWhatUsersMayNotChangeAndAppliesNothingOfARefusedRequest() {
    TestUser u = TestUser.signUp(api());
    record Case(String body, String code) {}
    String deep = "{\"a\":".repeat(9) + "1" + "}".repeat(9);
    for (Case c :
        List.of(
            new Case("{\"name\":\"X\",\"email\":\"new@example.com\"}", "EMAIL_CAN_NOT_BE_UPDATED"),
            new Case("{\"name\":\"X\",\"role\":\"admin\"}", "FIELD_NOT_ALLOWED"),
            new Case("{\"name\":\"X\",\"banned\":true}", "FIELD_NOT_ALLOWED"),
            new Case("{\"name\":\"X\",\"twoFactorEnabled\":true}", "FIELD_NOT_ALLOWED"),
            new Case("{}", "NO_FIELDS_TO_UPDATE"),
            new Case("{\"emailVerified\":true}", "NO_FIELDS_TO_UPDATE"),
            new Case("{\"name\":1}", "VALIDATION_ERROR"),
            new Case("{\"name\":\"" + "n".repeat(257) + "\"}", "VALIDATION_ERROR"),
            new Case("{\"name\":\"X\",\"metadata\":[1]}", "VALIDATION_ERROR"),
            new Case("{\"name\":\"X\",\"metadata\":" + deep + "}", "VALIDATION_ERROR"),
            new Case("{\"name\":\"X\",\"username\":\"ab\"}", "USERNAME_TOO_SHORT"))) {
      Api.Reply reply = update(u, c.body());
      assertEquals(400, reply.status(), c.body() + " -> " + reply);
      assertEquals(c.code(), reply.code(), c.body());
    }
    JsonObject user = userOf(u.token());
    assertEquals("Test User", user.getString("name"), "no refused request changed anything");
    assertEquals("user", user.getString("role"));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, user.getJsonObject("metadata"));
    assertEquals(u.email(), user.getString("email"));
  }

  @Test
  void usersRacingForOneUsernameGiveItToOne() {
    for (int round = 0; round < 3; round++) {
      List<TestUser> users =
          List.of(TestUser.signUp(api()), TestUser.signUp(api()), TestUser.signUp(api()));
      String wanted = TestUser.uniqueUsername();
      List<Api.Reply> replies =
          Race.run(
              users.stream()
                  .map(
                      u ->
                          api()
                              .post("update-user")
                              .bearer(u.token())
                              .json("{\"username\":\"" + wanted + "\"}"))
                  .toList());
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(1, Race.count(replies, 200), replies.toString());
      assertEquals(
          2,
          replies.stream()
              .filter(r -> r.status() == 400 && r.code().equals("USERNAME_IS_ALREADY_TAKEN"))
              .count(),
          replies.toString());
      assertEquals(1, Db.count("select count(*) from \"user\" where \"username\" = ?", wanted));
    }
  }

  @Test
  void concurrentMetadataPatchesOfOneUserAllApply() {
    TestUser u = TestUser.signUp(api());
    List<Api.Call> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          api()
              .post("update-user")
              .bearer(u.token())
              .json("{\"metadata\":{\"k" + i + "\":" + i + "}}"));
    }
    List<Api.Reply> replies = Race.run(calls);
    assertEquals(6, Race.count(replies, 200), replies.toString());
    assertEquals(6, userOf(u.token()).getJsonObject("metadata").size(), "no lost update");
  }

  // --- delete-user ---------------------------------------------------------------------------

  @Test
  void deleteUserOnAFreshSessionRemovesEverythingAndFreesEmailAndUsername() {
    String username = TestUser.uniqueUsername();
    TestUser u = TestUser.signUp(api(), Json.createObjectBuilder().add("username", username));
    String second = u.signIn(api());
    Db.update(
        "insert into \"verification\" (\"id\",\"identifier\",\"value\",\"expiresAt\") values (?,"
            + " 'reset-password:x', ?, now() + interval '1 hour')",
        UUID.randomUUID().toString(),
        u.id());

    Api.Reply reply = api().post("delete-user").bearer(u.token()).json("{}").send();
    assertEquals(200, reply.status(), reply.toString());
    assertEquals(
        Json.createObjectBuilder().add("success", true).add("message", "User deleted").build(),
        reply.json());

    assertEquals("null", api().get("get-session").bearer(u.token()).send().text());
    assertEquals("null", api().get("get-session").bearer(second).send().text());
    for (String table : List.of("session", "account")) {
      assertEquals(
          0,
          Db.count("select count(*) from \"" + table + "\" where \"userId\" = ?", u.id()),
          table);
    }
    assertEquals(0, Db.count("select count(*) from \"verification\" where \"value\" = ?", u.id()));
    assertEquals(0, Db.count("select count(*) from \"user\" where \"id\" = ?", u.id()));

    Api.Reply again =
        api()
            .post("sign-up/email")
            .json(
                Json.createObjectBuilder()
                    .add("name", "New")
                    .add("email", u.email())
                    .add("password", "another password")
                    .add("username", username)
                    .build())
            .send();
    assertEquals(200, again.status(), "email and username are free again: " + again);
  }

  @Test
  void deleteUserOnAStaleSessionNeedsThePassword() {
    TestUser u = TestUser.signUp(api());
    u.ageSessions();
    Api.Reply stale = api().post("delete-user").bearer(u.token()).send();
    assertEquals(400, stale.status());
    assertEquals("SESSION_EXPIRED", stale.code());
    assertEquals(
        "Session expired. Re-authenticate to perform this action.",
        stale.json().getString("message"));

    Api.Reply wrong =
        api().post("delete-user").bearer(u.token()).json("{\"password\":\"not it at all\"}").send();
    assertEquals(400, wrong.status());
    assertEquals("INVALID_PASSWORD", wrong.code());
    assertEquals(
        1,
        Db.count("select count(*) from \"user\" where \"id\" = ?", u.id()),
        "nothing deleted yet");

    Api.Reply ok =
        api()
            .post("delete-user")
            .bearer(u.token())
            .json("{\"password\":\"" + u.password() + "\"}")
            .send();
    assertEquals(200, ok.status(), ok.toString());
    assertEquals(0, Db.count("select count(*) from \"user\" where \"id\" = ?", u.id()));
  }

  @Test
  void deleteUserWithAPasswordButNoPasswordAccountSaysSo() {
    TestUser u = TestUser.signUp(api());
    Db.update(
        "insert into \"account\""
            + " (\"id\",\"accountId\",\"providerId\",\"userId\",\"createdAt\",\"updatedAt\") values"
            + " (?, 'g-1', 'google', ?, now(), now())",
        UUID.randomUUID().toString(),
        u.id());
    Db.update(
        "delete from \"account\" where \"userId\" = ? and \"providerId\" = 'credential'", u.id());
    Api.Reply reply =
        api().post("delete-user").bearer(u.token()).json("{\"password\":\"whatever1\"}").send();
    assertEquals(400, reply.status());
    assertEquals("CREDENTIAL_ACCOUNT_NOT_FOUND", reply.code());
  }

  // --- change-email and verify-email ---------------------------------------------------------

  @Test
  void anUnverifiedEmailChangesAtOnce() {
    TestUser u = TestUser.signUp(api());
    String newEmail = TestUser.uniqueEmail();
    Api.Reply reply =
        api()
            .post("change-email")
            .bearer(u.token())
            .json("{\"newEmail\":\"" + newEmail.toUpperCase() + "\"}")
            .send();
    assertEquals(200, reply.status(), reply.toString());
    assertEquals("{\"status\":true}", reply.text());
    JsonObject user = userOf(u.token());
    assertEquals(newEmail, user.getString("email"));
    assertFalse(user.getBoolean("emailVerified"));
    assertEquals(
        200,
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", newEmail)
                    .add("password", u.password())
                    .build())
            .send()
            .status());
  }

  @Test
  void aVerifiedEmailChangesOnlyThroughTheSingleUseLinkMailedToTheNewAddress() throws Exception {
    TestUser u = TestUser.signUp(api());
    Db.update("update \"user\" set \"emailVerified\" = true where \"id\" = ?", u.id());
    String newEmail = TestUser.uniqueEmail();

    Api.Reply reply =
        api()
            .post("change-email")
            .bearer(u.token())
            .json("{\"newEmail\":\"" + newEmail + "\",\"callbackURL\":\"/settings\"}")
            .send();
    assertEquals(200, reply.status(), reply.toString());
    assertEquals(
        u.email(), userOf(u.token()).getString("email"), "nothing changes before the link is used");

    MimeMessage mail = Mailbox.awaitMailsTo(newEmail, 1).get(0);
    assertEquals("auth@example.com", mail.getFrom()[0].toString());
    String text = Mailbox.plainText(mail);
    assertTrue(text.contains("http://localhost:8080/api/auth/verify-email?token="), text);
    assertTrue(text.contains("callbackURL=%2Fsettings"), text);
    assertTrue(
        Mailbox.html(mail)
            .contains("<a href=\"http://localhost:8080/api/auth/verify-email?token="));
    String token = Mailbox.token(mail);
    assertEquals(
        0,
        Db.count(
            "select count(*) from \"verification\" where \"identifier\" like ?", "%" + token + "%"),
        "only the hash is stored");

    Api.Reply verified = api().get("verify-email?token=" + token).send();
    assertEquals(200, verified.status(), verified.toString());
    assertTrue(verified.json().getBoolean("status"));
    assertEquals(newEmail, verified.json().getJsonObject("user").getString("email"));
    assertTrue(verified.json().getJsonObject("user").getBoolean("emailVerified"));
    assertEquals(newEmail, userOf(u.token()).getString("email"));

    Api.Reply replay = api().get("verify-email?token=" + token).send();
    assertEquals(401, replay.status());
    assertEquals("INVALID_TOKEN", replay.code());
  }

  @Test
  void verifyEmailRedirectsToATrustedCallbackAndReportsErrorsThere() {
    TestUser u = TestUser.signUp(api());
    Db.update("update \"user\" set \"emailVerified\" = true where \"id\" = ?", u.id());
    String newEmail = TestUser.uniqueEmail();
    api().post("change-email").bearer(u.token()).json("{\"newEmail\":\"" + newEmail + "\"}").send();
    MimeMessage mail = Mailbox.awaitMailsTo(newEmail, 1).get(0);
    assertFalse(
        Mailbox.plainText(mail).contains("callbackURL"), "no callback unless the client gave one");
    String token = Mailbox.token(mail);

    Api.Reply ok =
        api()
            .get(
                "verify-email?token=" + token + "&callbackURL=https%3A%2F%2Fapp.example.com%2Fdone")
            .send();
    assertEquals(302, ok.status());
    assertEquals("https://app.example.com/done", ok.header("location").orElseThrow());
    Api.Reply bad =
        api()
            .get(
                "verify-email?token=" + token + "&callbackURL=https%3A%2F%2Fapp.example.com%2Fdone")
            .send();
    assertEquals(302, bad.status());
    assertEquals(
        "https://app.example.com/done?error=INVALID_TOKEN", bad.header("location").orElseThrow());
    Api.Reply untrusted =
        api()
            .get("verify-email?token=" + token + "&callbackURL=https%3A%2F%2Fevil.example%2F")
            .send();
    assertEquals(401, untrusted.status(), "never redirects to an untrusted site");
  }

  @Test
  void anExpiredLinkIsRefused() {
    TestUser u = TestUser.signUp(api());
    Db.update("update \"user\" set \"emailVerified\" = true where \"id\" = ?", u.id());
    String newEmail = TestUser.uniqueEmail();
    api().post("change-email").bearer(u.token()).json("{\"newEmail\":\"" + newEmail + "\"}").send();
    String token = Mailbox.token(Mailbox.awaitMailsTo(newEmail, 1).get(0));
    Db.update(
        "update \"verification\" set \"expiresAt\" = now() - interval '1 second' where \"value\""
            + " like ?",
        "{\"userId\":\"" + u.id() + "\"%");
    Api.Reply reply = api().get("verify-email?token=" + token).send();
    assertEquals(401, reply.status());
    assertEquals("TOKEN_EXPIRED", reply.code());
    assertEquals(u.email(), userOf(u.token()).getString("email"));
  }

  @Test
  void twoClicksRacingOnOneLinkApplyItOnce() {
    TestUser u = TestUser.signUp(api());
    Db.update("update \"user\" set \"emailVerified\" = true where \"id\" = ?", u.id());
    String newEmail = TestUser.uniqueEmail();
    api().post("change-email").bearer(u.token()).json("{\"newEmail\":\"" + newEmail + "\"}").send();
    String token = Mailbox.token(Mailbox.awaitMailsTo(newEmail, 1).get(0));
    List<Api.Reply> replies =
        Race.run(
            List.of(
                api().get("verify-email?token=" + token),
                api().get("verify-email?token=" + token)));
    assertFalse(Race.anyServerError(replies), replies.toString());
    assertEquals(1, Race.count(replies, 200), replies.toString());
    assertEquals(1, Race.count(replies, 401), replies.toString());
  }

  @Test
  void changeEmailToTheSameAddressIs400AndToATakenOneLooksLikeSuccess() {
    TestUser u = TestUser.signUp(api());
    TestUser other = TestUser.signUp(api());
    Api.Reply same =
        api()
            .post("change-email")
            .bearer(u.token())
            .json("{\"newEmail\":\"" + u.email().toUpperCase() + "\"}")
            .send();
    assertEquals(400, same.status());
    assertEquals("EMAIL_IS_THE_SAME", same.code());
    assertEquals("Email is the same", same.json().getString("message"));

    Api.Reply taken =
        api()
            .post("change-email")
            .bearer(u.token())
            .json("{\"newEmail\":\"" + other.email() + "\"}")
            .send();
    assertEquals(200, taken.status());
    assertEquals("{\"status\":true}", taken.text());
    assertEquals(u.email(), userOf(u.token()).getString("email"));
    assertEquals(other.email(), userOf(other.token()).getString("email"));

    Db.update("update \"user\" set \"emailVerified\" = true where \"id\" = ?", u.id());
    api()
        .post("change-email")
        .bearer(u.token())
        .json("{\"newEmail\":\"" + other.email() + "\"}")
        .send();
    assertEquals(0, Mailbox.mailsTo(other.email()).size(), "no mail to someone else's address");
  }

  @Test
  void changeEmailValidatesItsInput() {
    TestUser u = TestUser.signUp(api());
    Api.Reply invalid =
        api().post("change-email").bearer(u.token()).json("{\"newEmail\":\"nope\"}").send();
    assertEquals(400, invalid.status());
    assertEquals("VALIDATION_ERROR", invalid.code());
    assertEquals("[body.newEmail] Invalid email address", invalid.json().getString("message"));
    Api.Reply missing = api().post("change-email").bearer(u.token()).json("{}").send();
    assertEquals("VALIDATION_ERROR", missing.code());
    Api.Reply untrusted =
        api()
            .post("change-email")
            .bearer(u.token())
            .json(
                "{\"newEmail\":\""
                    + TestUser.uniqueEmail()
                    + "\",\"callbackURL\":\"https://evil.example/\"}")
            .send();
    assertEquals(403, untrusted.status());
    assertEquals("INVALID_CALLBACK_URL", untrusted.code());
    assertEquals(u.email(), userOf(u.token()).getString("email"));
  }
}

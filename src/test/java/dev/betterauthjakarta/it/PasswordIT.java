package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.session.SignedTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Passwords (change, reset by mail, verify, set) and plain email verification. */
@ExtendWith(ArquillianExtension.class)
class PasswordIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private Api.Reply signIn(String email, String password) {
    return api()
        .post("sign-in/email")
        .json(Json.createObjectBuilder().add("email", email).add("password", password).build())
        .send();
  }

  private static JsonObject change(String current, String next, boolean revokeOthers) {
    return Json.createObjectBuilder()
        .add("currentPassword", current)
        .add("newPassword", next)
        .add("revokeOtherSessions", revokeOthers)
        .build();
  }

  // --- change-password -----------------------------------------------------------------------

  @Test
  void changePasswordNeedsTheCurrentOneAndKeepsSessionsUnlessAskedToRevoke() {
    TestUser u = TestUser.signUp(api());
    String other = u.signIn(api());
    Api.Reply wrong =
        api()
            .post("change-password")
            .bearer(u.token())
            .json(change("not it", "new password 1", false))
            .send();
    assertEquals(400, wrong.status());
    assertEquals("INVALID_PASSWORD", wrong.code());
    Api.Reply tooShort =
        api()
            .post("change-password")
            .bearer(u.token())
            .json(change(u.password(), "short", false))
            .send();
    assertEquals("PASSWORD_TOO_SHORT", tooShort.code());

    Api.Reply ok =
        api()
            .post("change-password")
            .bearer(u.token())
            .json(change(u.password(), "new password 1", false))
            .send();
    assertEquals(200, ok.status(), ok.toString());
    assertEquals(JsonValue.NULL, ok.json().get("token"));
    assertEquals(u.id(), ok.json().getJsonObject("user").getString("id"));
    assertEquals(200, api().get("get-session").bearer(other).send().status());
    assertEquals(401, signIn(u.email(), u.password()).status());
    assertEquals(200, signIn(u.email(), "new password 1").status());
  }

  @Test
  void changePasswordWithRevokeOtherSessionsEndsEverySessionAndHandsOutANewToken() {
    TestUser u = TestUser.signUp(api());
    String other = u.signIn(api());
    Api.Reply reply =
        api()
            .post("change-password")
            .bearer(u.token())
            .json(change(u.password(), "new password 2", true))
            .send();
    assertEquals(200, reply.status(), reply.toString());
    String token = reply.json().getString("token");
    assertEquals(
        SignedTokens.sign(SessionIT.SECRET, token), reply.header("set-auth-token").orElseThrow());
    assertEquals(
        "null",
        api().get("get-session").bearer(u.token()).send().text(),
        "the caller's old token too");
    assertEquals("null", api().get("get-session").bearer(other).send().text());
    assertEquals(
        u.id(),
        api().get("get-session").bearer(token).send().json().getJsonObject("user").getString("id"));
  }

  // --- password reset ------------------------------------------------------------------------

  private String requestResetToken(String email) {
    Api.Reply reply =
        api()
            .post("request-password-reset")
            .json(Json.createObjectBuilder().add("email", email).build())
            .send();
    assertEquals(200, reply.status(), reply.toString());
    MimeMessage mail = Mailbox.awaitMailsTo(email, 1).get(0);
    assertTrue(Mailbox.plainText(mail).contains("http://localhost:8080/api/auth/reset-password/"));
    String text = Mailbox.plainText(mail);
    return text.substring(text.indexOf("/reset-password/") + 16).split("\\s")[0];
  }

  @Test
  void aResetLinkSetsANewPasswordOnceAndSignsEveryoneOut() {
    TestUser u = TestUser.signUp(api());
    String token = requestResetToken(u.email());
    assertEquals(
        0,
        Db.count(
            "select count(*) from \"verification\" where \"identifier\" like ?", "%" + token + "%"),
        "only the hash is stored");

    Api.Reply check = api().get("reset-password/" + token).send();
    assertEquals(200, check.status(), check.toString());
    Api.Reply tooShort =
        api()
            .post("reset-password")
            .json(
                Json.createObjectBuilder().add("token", token).add("newPassword", "short").build())
            .send();
    assertEquals("PASSWORD_TOO_SHORT", tooShort.code(), "a bad password does not use the token up");

    Api.Reply reset =
        api()
            .post("reset-password")
            .json(
                Json.createObjectBuilder()
                    .add("token", token)
                    .add("newPassword", "brand new password")
                    .build())
            .send();
    assertEquals(200, reset.status(), reset.toString());
    assertEquals("{\"status\":true}", reset.text());
    assertEquals("null", api().get("get-session").bearer(u.token()).send().text());
    assertEquals(200, signIn(u.email(), "brand new password").status());
    assertEquals(401, signIn(u.email(), u.password()).status());

    Api.Reply replay =
        api()
            .post("reset-password?token=" + token)
            .json(Json.createObjectBuilder().add("newPassword", "another password").build())
            .send();
    assertEquals(400, replay.status());
    assertEquals("INVALID_TOKEN", replay.code());
    assertEquals(400, api().get("reset-password/" + token).send().status());
  }

  @Test
  void requestingAResetLooksTheSameWhetherOrNotTheEmailHasAnAccount() {
    String unknown = TestUser.uniqueEmail();
    TestUser u = TestUser.signUp(api());
    Api.Reply forUnknown =
        api()
            .post("request-password-reset")
            .json(Json.createObjectBuilder().add("email", unknown).build())
            .send();
    Api.Reply forKnown =
        api()
            .post("request-password-reset")
            .json(Json.createObjectBuilder().add("email", u.email()).build())
            .send();
    assertEquals(200, forUnknown.status());
    assertEquals(forKnown.text(), forUnknown.text());
    Mailbox.awaitMailsTo(u.email(), 1);
    assertEquals(0, Mailbox.mailsTo(unknown).size());
    Api.Reply untrusted =
        api()
            .post("request-password-reset")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("redirectTo", "https://evil.example/reset")
                    .build())
            .send();
    assertEquals(403, untrusted.status());
    assertEquals("INVALID_REDIRECT_URL", untrusted.code());
  }

  @Test
  void theResetLinkRedirectsToTheAppsFormWithTheTokenOrAnError() {
    TestUser u = TestUser.signUp(api());
    api()
        .post("request-password-reset")
        .json(
            Json.createObjectBuilder()
                .add("email", u.email())
                .add("redirectTo", "https://app.example.com/reset")
                .build())
        .send();
    String text = Mailbox.plainText(Mailbox.awaitMailsTo(u.email(), 1).get(0));
    String link =
        text.substring(text.indexOf("http://localhost:8080/api/auth/") + 31).split("\\s")[0];
    assertTrue(link.endsWith("?callbackURL=https%3A%2F%2Fapp.example.com%2Freset"), link);
    String token = link.substring("reset-password/".length(), link.indexOf('?'));
    Api.Reply valid = api().get(link).send();
    assertEquals(302, valid.status());
    assertEquals(
        "https://app.example.com/reset?token=" + token, valid.header("location").orElseThrow());
    Api.Reply invalid =
        api().get("reset-password/nope?callbackURL=https%3A%2F%2Fapp.example.com%2Freset").send();
    assertEquals(
        "https://app.example.com/reset?error=INVALID_TOKEN",
        invalid.header("location").orElseThrow());
  }

  @Test
  void twoResetsRacingWithOneTokenSucceedOnce() {
    TestUser u = TestUser.signUp(api());
    String token = requestResetToken(u.email());
    List<Api.Reply> replies =
        Race.run(
            List.of(
                api()
                    .post("reset-password")
                    .json(
                        Json.createObjectBuilder()
                            .add("token", token)
                            .add("newPassword", "first new password")
                            .build()),
                api()
                    .post("reset-password")
                    .json(
                        Json.createObjectBuilder()
                            .add("token", token)
                            .add("newPassword", "second new password")
                            .build())));
    assertFalse(Race.anyServerError(replies), replies.toString());
    assertEquals(1, Race.count(replies, 200), replies.toString());
    assertEquals(1, Race.count(replies, 400), replies.toString());
    String winner = replies.get(0).status() == 200 ? "first new password" : "second new password";
    assertEquals(200, signIn(u.email(), winner).status());
  }

  @Test
  void aResetGivesAProviderOnlyUserAPasswordAccount() {
    TestUser u = TestUser.signUp(api());
    Db.update(
        "insert into \"account\""
            + " (\"id\",\"accountId\",\"providerId\",\"userId\",\"createdAt\",\"updatedAt\") values"
            + " (?, 'gh-1', 'github', ?, now(), now())",
        UUID.randomUUID().toString(),
        u.id());
    Db.update(
        "delete from \"account\" where \"userId\" = ? and \"providerId\" = 'credential'", u.id());
    String token = requestResetToken(u.email());
    assertEquals(
        200,
        api()
            .post("reset-password")
            .json(
                Json.createObjectBuilder()
                    .add("token", token)
                    .add("newPassword", "now with a password")
                    .build())
            .send()
            .status());
    assertEquals(
        u.id(),
        Db.string(
            "select \"accountId\" from \"account\" where \"userId\" = ? and \"providerId\" ="
                + " 'credential'",
            u.id()));
    assertEquals(200, signIn(u.email(), "now with a password").status());
  }

  // --- verify-password and set-password ------------------------------------------------------

  @Test
  void verifyPasswordChecksTheCallersPassword() {
    TestUser u = TestUser.signUp(api());
    assertEquals(
        "{\"status\":true}",
        api()
            .post("verify-password")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("password", u.password()).build())
            .send()
            .text());
    Api.Reply wrong =
        api().post("verify-password").bearer(u.token()).json("{\"password\":\"nope nope\"}").send();
    assertEquals(400, wrong.status());
    assertEquals("INVALID_PASSWORD", wrong.code());
    assertEquals(401, api().post("verify-password").json("{\"password\":\"x\"}").send().status());
  }

  @Test
  void setPasswordAddsAPasswordOnlyForAUserWithoutOne() {
    TestUser u = TestUser.signUp(api());
    Api.Reply already =
        api()
            .post("set-password")
            .bearer(u.token())
            .json("{\"newPassword\":\"another one 123\"}")
            .send();
    assertEquals(400, already.status());
    assertEquals("PASSWORD_ALREADY_SET", already.code());

    Db.update(
        "insert into \"account\""
            + " (\"id\",\"accountId\",\"providerId\",\"userId\",\"createdAt\",\"updatedAt\") values"
            + " (?, 'g-set', 'google', ?, now(), now())",
        UUID.randomUUID().toString(),
        u.id());
    Db.update(
        "delete from \"account\" where \"userId\" = ? and \"providerId\" = 'credential'", u.id());
    assertEquals(
        200,
        api()
            .post("set-password")
            .bearer(u.token())
            .json("{\"newPassword\":\"chosen later 1\"}")
            .send()
            .status());
    assertEquals(200, signIn(u.email(), "chosen later 1").status());

    TestUser stale = TestUser.signUp(api());
    Db.update("delete from \"account\" where \"userId\" = ?", stale.id());
    stale.ageSessions();
    Api.Reply notFresh =
        api()
            .post("set-password")
            .bearer(stale.token())
            .json("{\"newPassword\":\"chosen later 2\"}")
            .send();
    assertEquals(403, notFresh.status());
    assertEquals("SESSION_NOT_FRESH", notFresh.code());
  }

  // --- email verification --------------------------------------------------------------------

  @Test
  void aVerificationLinkVerifiesTheAddressItWasSentTo() {
    TestUser u = TestUser.signUp(api());
    Api.Reply sent =
        api()
            .post("send-verification-email")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("email", u.email()).build())
            .send();
    assertEquals(200, sent.status(), sent.toString());
    String token = Mailbox.token(Mailbox.awaitMailsTo(u.email(), 1).get(0));
    Api.Reply verified = api().get("verify-email?token=" + token).send();
    assertEquals("{\"status\":true,\"user\":null}", verified.text());
    assertTrue(
        api()
            .get("get-session")
            .bearer(u.token())
            .send()
            .json()
            .getJsonObject("user")
            .getBoolean("emailVerified"));

    Api.Reply again =
        api()
            .post("send-verification-email")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("email", u.email()).build())
            .send();
    assertEquals("EMAIL_ALREADY_VERIFIED", again.code());
    Api.Reply mismatch =
        api()
            .post("send-verification-email")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("email", TestUser.uniqueEmail()).build())
            .send();
    assertEquals(400, mismatch.status());
    assertEquals("EMAIL_MISMATCH", mismatch.code());
  }

  @Test
  void anonymousVerificationRequestsAlwaysLookTheSame() {
    TestUser u = TestUser.signUp(api());
    String unknown = TestUser.uniqueEmail();
    Api.Reply known =
        api()
            .post("send-verification-email")
            .json(Json.createObjectBuilder().add("email", u.email()).build())
            .send();
    Api.Reply none =
        api()
            .post("send-verification-email")
            .json(Json.createObjectBuilder().add("email", unknown).build())
            .send();
    assertEquals(200, none.status());
    assertEquals(known.text(), none.text());
    Mailbox.awaitMailsTo(u.email(), 1);
    assertEquals(0, Mailbox.mailsTo(unknown).size());
  }

  @Test
  void aVerificationLinkForAnOldAddressNoLongerVerifies() {
    TestUser u = TestUser.signUp(api());
    api()
        .post("send-verification-email")
        .bearer(u.token())
        .json(Json.createObjectBuilder().add("email", u.email()).build())
        .send();
    String token = Mailbox.token(Mailbox.awaitMailsTo(u.email(), 1).get(0));
    String newEmail = TestUser.uniqueEmail();
    assertEquals(
        200,
        api()
            .post("change-email")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("newEmail", newEmail).build())
            .send()
            .status());
    Api.Reply stale = api().get("verify-email?token=" + token).send();
    assertEquals(401, stale.status());
    assertEquals("INVALID_TOKEN", stale.code());
    JsonObject user =
        api().get("get-session").bearer(u.token()).send().json().getJsonObject("user");
    assertFalse(user.getBoolean("emailVerified"));

    // the immediate change mailed a verification link to the new address
    String fresh = Mailbox.token(Mailbox.awaitMailsTo(newEmail, 1).get(0));
    assertNotEquals(token, fresh);
    assertEquals(200, api().get("verify-email?token=" + fresh).send().status());
    assertTrue(
        api()
            .get("get-session")
            .bearer(u.token())
            .send()
            .json()
            .getJsonObject("user")
            .getBoolean("emailVerified"));
  }
}

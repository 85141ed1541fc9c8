package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same WAR with the optional confirmations switched on: email verification required (and sent
 * at sign-up), email changes approved by the current address, deletion confirmed by mail ({@link
 * Deployments#variant()}, which also switches the account-management plugin off; no test here uses
 * it).
 */
@ExtendWith(ArquillianExtension.class)
class StrictFlowsIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.variant();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private static JsonObject credentials(String email) {
    return Json.createObjectBuilder()
        .add("name", "Strict")
        .add("email", email)
        .add("password", TestUser.PASSWORD)
        .build();
  }

  @Test
  void signUpOpensNoSessionUntilTheMailedLinkIsFollowed() throws Exception {
    String email = TestUser.uniqueEmail();
    Api.Reply signUp = api().post("sign-up/email").json(credentials(email)).send();
    assertEquals(200, signUp.status());
    assertEquals(JsonValue.NULL, signUp.json().get("token"));
    assertTrue(signUp.header("set-auth-token").isEmpty());
    assertEquals(
        0,
        Db.count(
            "select count(*) from \"session\" s join \"user\" u on u.\"id\" = s.\"userId\" where"
                + " u.\"email\" = ?",
            email));

    Api.Reply early =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", email)
                    .add("password", TestUser.PASSWORD)
                    .build())
            .send();
    assertEquals(403, early.status());
    assertEquals("EMAIL_NOT_VERIFIED", early.code());
    Api.Reply wrongPassword =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", email)
                    .add("password", "wrong password")
                    .build())
            .send();
    assertEquals(
        401, wrongPassword.status(), "the verification state is only told to the password's owner");

    MimeMessage mail = Mailbox.awaitMailsTo(email, 1).get(0);
    assertEquals("Verify your email address", mail.getSubject());
    assertEquals(200, api().get("verify-email?token=" + Mailbox.token(mail)).send().status());
    assertEquals(
        200,
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", email)
                    .add("password", TestUser.PASSWORD)
                    .build())
            .send()
            .status());
  }

  @Test
  void aSecondSignUpWithATakenEmailLooksLikeTheFirst() {
    String email = TestUser.uniqueEmail();
    Api.Reply first = api().post("sign-up/email").json(credentials(email)).send();
    Api.Reply second = api().post("sign-up/email").json(credentials(email)).send();
    assertEquals(200, second.status(), second.toString());
    assertEquals(JsonValue.NULL, second.json().get("token"));
    assertEquals(email, second.json().getJsonObject("user").getString("email"));
    assertEquals(
        first.json().getJsonObject("user").keySet(), second.json().getJsonObject("user").keySet());
    assertEquals(1, Db.count("select count(*) from \"user\" where \"email\" = ?", email));
  }

  @Test
  void aVerifiedEmailChangesOnlyAfterTheCurrentAddressApprovesAndTheNewOneConfirms()
      throws Exception {
    TestUser u = TestUser.signUpVerified(api());
    String oldEmail = u.email();
    String token = u.token();
    String newEmail = TestUser.uniqueEmail();
    assertEquals(
        200,
        api()
            .post("change-email")
            .bearer(token)
            .json(Json.createObjectBuilder().add("newEmail", newEmail).build())
            .send()
            .status());

    MimeMessage approval = Mailbox.awaitMailsTo(oldEmail, 2).get(1);
    assertEquals("Approve the change of your sign-in email", approval.getSubject());
    assertTrue(Mailbox.plainText(approval).contains(newEmail));
    assertEquals(
        0, Mailbox.mailsTo(newEmail).size(), "nothing goes to the new address before approval");
    Api.Reply approved = api().get("verify-email?token=" + Mailbox.token(approval)).send();
    assertEquals("{\"status\":true,\"user\":null}", approved.text());
    assertEquals(
        oldEmail,
        api()
            .get("get-session")
            .bearer(token)
            .send()
            .json()
            .getJsonObject("user")
            .getString("email"));

    MimeMessage confirmation = Mailbox.awaitMailsTo(newEmail, 1).get(0);
    Api.Reply applied = api().get("verify-email?token=" + Mailbox.token(confirmation)).send();
    assertEquals(200, applied.status(), applied.toString());
    assertEquals(newEmail, applied.json().getJsonObject("user").getString("email"));
    assertTrue(applied.json().getJsonObject("user").getBoolean("emailVerified"));

    MimeMessage notice = Mailbox.awaitMailsTo(oldEmail, 3).get(2);
    assertEquals("Your sign-in email was changed", notice.getSubject());
    assertTrue(Mailbox.plainText(notice).contains(newEmail));
  }

  @Test
  void deleteUserMailsALinkThatDeletesOnlyForTheSameSignedInUser() {
    TestUser u = TestUser.signUpVerified(api());
    String email = u.email();
    String token = u.token();
    String userId =
        api().get("get-session").bearer(token).send().json().getJsonObject("user").getString("id");

    Api.Reply asked =
        api()
            .post("delete-user")
            .bearer(token)
            .json("{\"callbackURL\":\"https://app.example.com/bye\"}")
            .send();
    assertEquals(
        Json.createObjectBuilder()
            .add("success", true)
            .add("message", "Verification email sent")
            .build(),
        asked.json());
    assertEquals(
        1,
        Db.count("select count(*) from \"user\" where \"id\" = ?", userId),
        "nothing deleted yet");
    MimeMessage mail = Mailbox.awaitMailsTo(email, 2).get(1);
    String text = Mailbox.plainText(mail);
    String link =
        text.substring(text.indexOf("https://localhost:8080/api/auth/") + 32).split("\\s")[0];
    assertTrue(link.startsWith("delete-user/callback?token="), link);

    Api.Reply anonymous = api().get(link).send();
    assertEquals(404, anonymous.status());
    assertEquals("FAILED_TO_GET_USER_INFO", anonymous.code());
    String otherToken = TestUser.signUpVerified(api()).token();
    Api.Reply otherUser = api().get(link).bearer(otherToken).send();
    assertEquals(404, otherUser.status());
    assertEquals("INVALID_TOKEN", otherUser.code());
    assertEquals(1, Db.count("select count(*) from \"user\" where \"id\" = ?", userId));

    Api.Reply deleted = api().get(link).bearer(token).send();
    assertEquals(302, deleted.status(), deleted.toString());
    assertEquals("https://app.example.com/bye", deleted.header("location").orElseThrow());
    assertEquals(0, Db.count("select count(*) from \"user\" where \"id\" = ?", userId));
    assertFalse(api().get(link).bearer(otherToken).send().status() == 200);
  }

  @Test
  void theMailedTokenAlsoWorksThroughDeleteUserItself() {
    TestUser u = TestUser.signUpVerified(api());
    String email = u.email();
    String token = u.token();
    api().post("delete-user").bearer(token).json("{}").send();
    String deleteToken = Mailbox.token(Mailbox.awaitMailsTo(email, 2).get(1));
    Api.Reply deleted =
        api()
            .post("delete-user")
            .bearer(token)
            .json(Json.createObjectBuilder().add("token", deleteToken).build())
            .send();
    assertEquals("User deleted", deleted.json().getString("message"));
    assertEquals(0, Db.count("select count(*) from \"user\" where \"email\" = ?", email));
  }

  /** Required verification applies to provider sign-ins too: the gate both sign-ins pass. */
  @Test
  void aProviderSignInNeedsAVerifiedEmailWhenVerificationIsRequired() {
    Browser starter = new Browser(base);
    starter.post("sign-in/social", SocialSignInIT.signInBody("mock"), null);
    assertTrue(
        starter.cookie("__Host-better-auth.state").isPresent(),
        "over https the state cookie is host-only");
    String email = TestUser.uniqueEmail();
    Api.Reply unverified =
        SocialSignInIT.signInThrough(
            new Browser(base),
            "mock",
            IdentityProviderServer.user(SocialSignInIT.sub(), email, false));
    assertEquals(
        "email_not_verified", SocialSignInIT.error(unverified, SocialSignInIT.APP + "/oops"));
    assertEquals(0, Db.count("select count(*) from \"user\" where email = ?", email));

    Browser browser = new Browser(base);
    Api.Reply verified =
        SocialSignInIT.signInThrough(
            browser, "mock", IdentityProviderServer.user(SocialSignInIT.sub(), email, true));
    assertEquals(SocialSignInIT.APP + "/new", SocialSignInIT.location(verified));
    assertTrue(
        browser.cookie("__Secure-better-auth.session_token").isPresent(),
        "the variant is served over https: " + verified.headers("set-cookie"));
  }

  /** update-user-info-on-link: linking copies the provider's name and picture, never the email. */
  @Test
  void linkingCopiesTheProvidersNameAndPictureWhenConfigured() {
    TestUser u = TestUser.signUpVerified(api());
    Browser browser = new Browser(base);
    Api.Reply started =
        browser.post(
            "link-social",
            "{\"provider\":\"mock\",\"callbackURL\":\"" + SocialSignInIT.APP + "/linked\"}",
            u.token());
    Browser.Authorized at = Browser.authorize(Browser.url(started));
    String sub = SocialSignInIT.sub();
    IdentityProviderServer.script(at.code(), IdentityProviderServer.user(sub, u.email(), true));
    assertEquals(
        SocialSignInIT.APP + "/linked", SocialSignInIT.location(browser.get(at.servicePath())));
    JsonObject user =
        api().get("get-session").bearer(u.token()).send().json().getJsonObject("user");
    assertEquals("Provider " + sub, user.getString("name"));
    assertEquals("https://img.example.com/" + sub + ".png", user.getString("image"));
    assertEquals(u.email(), user.getString("email"));
  }
}

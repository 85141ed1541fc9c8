package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** A user an integration test signed up for itself, so tests share no state. */
public record TestUser(String id, String email, String password, String token, JsonObject user) {
  public static final String PASSWORD = "correct horse battery staple";

  public static String uniqueEmail() {
    return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@example.com";
  }

  public static String uniqueUsername() {
    return "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static TestUser signUp(Api api) {
    return signUp(api, Json.createObjectBuilder());
  }

  /** Signs up with a fresh email and the standard password, plus the given fields. */
  public static TestUser signUp(Api api, JsonObjectBuilder extra) {
    String email = uniqueEmail();
    JsonObject body =
        extra.add("name", "Test User").add("email", email).add("password", PASSWORD).build();
    Api.Reply reply = api.post("sign-up/email").json(body).send();
    assertEquals(200, reply.status(), reply.toString());
    JsonObject json = reply.json();
    JsonObject user = json.getJsonObject("user");
    return new TestUser(user.getString("id"), email, PASSWORD, json.getString("token"), user);
  }

  /**
   * Signs up with a fresh email and the standard password where email verification is required
   * (sign-up opens no session there): follows the mailed link, then signs in.
   */
  public static TestUser signUpVerified(Api api) {
    String email = uniqueEmail();
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", "Test User")
            .add("email", email)
            .add("password", PASSWORD)
            .build();
    Api.Reply signUp = api.post("sign-up/email").json(body).send();
    assertEquals(200, signUp.status(), signUp.toString());
    String verification = Mailbox.token(Mailbox.awaitMailsTo(email, 1).get(0));
    Api.Reply verified = api.get("verify-email?token=" + verification).send();
    assertEquals(200, verified.status(), verified.toString());
    Api.Reply signIn = signInReply(api, email, PASSWORD);
    assertEquals(200, signIn.status(), signIn.toString());
    JsonObject json = signIn.json();
    JsonObject user = json.getJsonObject("user");
    return new TestUser(user.getString("id"), email, PASSWORD, json.getString("token"), user);
  }

  /** A second, independent session of the same user. */
  public String signIn(Api api) {
    Api.Reply reply = signInReply(api, email, password);
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().getString("token");
  }

  private static Api.Reply signInReply(Api api, String email, String password) {
    return api.post("sign-in/email")
        .json(Json.createObjectBuilder().add("email", email).add("password", password).build())
        .send();
  }

  /** Makes every session of this user look signed in two days ago (no longer fresh). */
  public void ageSessions() {
    Db.update(
        "update \"session\" set \"createdAt\" = now() - interval '2 days' where \"userId\" = ?",
        id);
  }
}

package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail: an event for every committed change, written in its transaction (so none for a
 * change that rolls back, even after the event was written), a failed sign-in recorded although the
 * sign-in fails, never a secret, and {@code GET /admin/list-audit-events}.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {
  private static final String AGENT = "AuditIT/1.0";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private static List<String> actions(String userId) {
    String joined =
        Db.string(
            "select string_agg(\"action\", ' ' order by \"createdAt\", \"id\") from \"auditEvent\""
                + " where \"targetUserId\" = ?",
            userId);
    return joined == null ? List.of() : List.of(joined.split(" "));
  }

  private static String changesOf(String userId, String action) {
    return Db.string(
        "select \"changes\"::text from \"auditEvent\" where \"targetUserId\" = ? and \"action\" = ?"
            + " order by \"createdAt\" desc limit 1",
        userId,
        action);
  }

  @Test
  void everyCommittedChangeHasItsEventWithActorAddressAgentAndDiffButNoSecret() {
    String email = TestUser.uniqueEmail();
    String password = "audited password " + UUID.randomUUID();
    Api.Reply signUp =
        api()
            .post("sign-up/email")
            .header("User-Agent", AGENT)
            .header("X-Forwarded-For", "203.0.113.77")
            .json(
                Json.createObjectBuilder()
                    .add("name", "Audited")
                    .add("email", email)
                    .add("password", password)
                    .build())
            .send();
    assertEquals(200, signUp.status(), signUp.toString());
    String id = signUp.json().getJsonObject("user").getString("id");
    String token = signUp.json().getString("token");
    Api.Reply wrong =
        api()
            .post("sign-in/email")
            .header("User-Agent", AGENT)
            .json(
                Json.createObjectBuilder()
                    .add("email", email)
                    .add("password", "not it at all")
                    .build())
            .send();
    assertEquals(401, wrong.status(), "the sign-in fails...");
    Api.Reply right =
        api()
            .post("sign-in/email")
            .json(Json.createObjectBuilder().add("email", email).add("password", password).build())
            .send();
    String second = right.json().getString("token");
    assertEquals(
        200,
        api()
            .post("update-user")
            .bearer(token)
            .json(
                Json.createObjectBuilder()
                    .add("name", "Renamed")
                    .add("metadata", Json.createObjectBuilder().add("k", "v"))
                    .build())
            .send()
            .status());
    String newPassword = "changed password " + UUID.randomUUID();
    assertEquals(
        200,
        api()
            .post("change-password")
            .bearer(token)
            .json(
                Json.createObjectBuilder()
                    .add("currentPassword", password)
                    .add("newPassword", newPassword)
                    .build())
            .send()
            .status());
    String newEmail = TestUser.uniqueEmail();
    assertEquals(
        200,
        api()
            .post("change-email")
            .bearer(token)
            .json(Json.createObjectBuilder().add("newEmail", newEmail).build())
            .send()
            .status());
    Db.update(
        "insert into \"account\" (\"id\", \"accountId\", \"providerId\", \"userId\", \"createdAt\","
            + " \"updatedAt\") values (?, ?, 'github', ?, now(), now())",
        UUID.randomUUID().toString(),
        "gh-" + UUID.randomUUID(),
        id);
    assertEquals(
        200,
        api()
            .post("unlink-account")
            .bearer(token)
            .json(Json.createObjectBuilder().add("providerId", "github").build())
            .send()
            .status());
    assertEquals(200, api().post("sign-out").bearer(second).json("{}").send().status());
    String resetToken = requestReset(newEmail);
    String resetPassword = "reset password " + UUID.randomUUID();
    assertEquals(
        200,
        api()
            .post("reset-password")
            .json(
                Json.createObjectBuilder()
                    .add("token", resetToken)
                    .add("newPassword", resetPassword)
                    .build())
            .send()
            .status());
    String third =
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", newEmail)
                    .add("password", resetPassword)
                    .build())
            .send()
            .json()
            .getString("token");
    assertEquals(200, api().post("delete-user").bearer(third).json("{}").send().status());

    assertEquals(
        List.of(
            "user.sign-up",
            "session.sign-in-failed",
            "session.sign-in",
            "user.update",
            "password.change",
            "email.change",
            "account.unlink",
            "session.sign-out",
            "password.reset",
            "session.sign-in",
            "user.delete"),
        actions(id));
    String origin =
        Db.string(
            "select concat_ws('|', \"ipAddress\", \"userAgent\", \"actorUserId\") from"
                + " \"auditEvent\" where \"targetUserId\" = ? and \"action\" = 'user.sign-up'",
            id);
    // The socket's peer (loopback, or the host address the container announced), never the header.
    String peer;
    try {
      peer = java.net.InetAddress.getByName(base.getHost()).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    assertTrue(
        List.of("127.0.0.1", "::1", peer).stream()
            .anyMatch(a -> origin.equals(a + "|" + AGENT + "|" + id)),
        "X-Forwarded-For from an untrusted peer is not believed: " + origin);
    assertNull(
        Db.string(
            "select \"actorUserId\" from \"auditEvent\" where \"targetUserId\" = ?"
                + " and \"action\" = 'session.sign-in-failed'",
            id));
    assertTrue(changesOf(id, "user.update").contains("\"Renamed\""), changesOf(id, "user.update"));
    assertTrue(changesOf(id, "email.change").contains(newEmail));
    String everything =
        Db.string(
            "select string_agg(\"changes\"::text, ' ') from \"auditEvent\" where \"targetUserId\" ="
                + " ?",
            id);
    for (String secret : List.of(password, newPassword, resetPassword, token, second, resetToken)) {
      assertFalse(everything.contains(secret), "a secret in the trail: " + everything);
    }
  }

  private String requestReset(String email) {
    assertEquals(
        200,
        api()
            .post("request-password-reset")
            .json(Json.createObjectBuilder().add("email", email).build())
            .send()
            .status());
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      for (MimeMessage mail : Mailbox.mailsTo(email)) {
        String text = Mailbox.plainText(mail);
        int at = text.indexOf("/reset-password/");
        if (at >= 0) {
          return text.substring(at + "/reset-password/".length()).split("[\\s?]")[0];
        }
      }
      TestServices.greenMail().waitForIncomingEmail(500, 1);
    }
    throw new AssertionError("no reset mail to " + email);
  }

  /**
   * A provider sign-up (an id token of the suite's OpenID Connect server), a second provider
   * sign-in and a link of another identity are recorded like password ones, naming the provider.
   */
  @Test
  void providerSignUpsSignInsAndLinksAreRecordedWithTheProvider() {
    String run = UUID.randomUUID().toString();
    String email = "audit-social-" + run + "@example.com";
    JsonObject signIn =
        Json.createObjectBuilder()
            .add("provider", "mock")
            .add(
                "idToken",
                Json.createObjectBuilder()
                    .add(
                        "token",
                        IdentityProviderServer.idToken(
                            "mock",
                            IdentityProviderServer.CLIENT_ID,
                            IdentityProviderServer.user("audit-" + run, email, true),
                            java.time.Duration.ofMinutes(5))))
            .build();
    Api.Reply first = api().post("sign-in/social").json(signIn).send();
    assertEquals(200, first.status(), first.toString());
    String userId = first.json().getJsonObject("user").getString("id");
    Api.Reply again = api().post("sign-in/social").json(signIn).send();
    assertEquals(200, again.status(), again.toString());
    String other =
        IdentityProviderServer.idToken(
            "mock",
            IdentityProviderServer.CLIENT_ID,
            IdentityProviderServer.user("audit-other-" + run, email, true),
            java.time.Duration.ofMinutes(5));
    Api.Reply link =
        api()
            .post("link-social")
            .bearer(first.json().getString("token"))
            .json(
                Json.createObjectBuilder()
                    .add("provider", "mock")
                    .add("idToken", Json.createObjectBuilder().add("token", other))
                    .build())
            .send();
    assertEquals(200, link.status(), link.toString());
    // sorted: a sign-up and its sign-in share a transaction, and may share a millisecond
    assertEquals(
        List.of("account.link", "session.sign-in", "session.sign-in", "user.sign-up"),
        actions(userId).stream().sorted().toList());
    assertTrue(changesOf(userId, "user.sign-up").contains("\"mock\""));
    assertTrue(changesOf(userId, "session.sign-in").contains("\"method\""));
    assertTrue(changesOf(userId, "account.link").contains("audit-other-" + run));
  }

  @Test
  void aFailedSignInForAnUnknownAddressIsRecordedWithTheAddressTried() {
    String unknown = TestUser.uniqueEmail();
    assertEquals(
        401,
        api()
            .post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", unknown)
                    .add("password", "whatever it is")
                    .build())
            .send()
            .status());
    assertEquals(
        1,
        Db.count(
            "select count(*) from \"auditEvent\" where \"action\" = 'session.sign-in-failed'"
                + " and \"targetUserId\" is null and \"changes\"->>'identifier' = ?",
            "email:" + unknown));
  }

  /**
   * A constraint trigger deferred to COMMIT fails the transaction after the change and its event
   * were both written: the user keeps its name and no event says otherwise.
   */
  @Test
  void aChangeThatRollsBackAfterItsEventWasWrittenLeavesNoEvent() {
    TestUser u = TestUser.signUp(api());
    String marker = "fail-at-commit-" + UUID.randomUUID().toString().substring(0, 8);
    Db.update(
        "create or replace function audit_it_fail() returns trigger language plpgsql as $$"
            + " begin raise exception 'forced by AuditIT'; end $$");
    Db.update(
        "create constraint trigger audit_it_fail after update on \"user\" deferrable initially"
            + " deferred for each row when (new.\"name\" like 'fail-at-commit-%')"
            + " execute function audit_it_fail()");
    try {
      long before = Db.count("select count(*) from \"auditEvent\"");
      Api.Reply failed =
          api()
              .post("update-user")
              .bearer(u.token())
              .json(Json.createObjectBuilder().add("name", marker).build())
              .send();
      assertTrue(failed.status() >= 500, "the commit failed: " + failed);
      assertEquals(
          "Test User", Db.string("select \"name\" from \"user\" where \"id\" = ?", u.id()));
      assertEquals(
          0,
          Db.count(
              "select count(*) from \"auditEvent\" where \"changes\"::text like ?",
              "%" + marker + "%"));
      assertTrue(
          Db.count("select count(*) from \"auditEvent\"") >= before, "nothing was taken away");
    } finally {
      Db.update("drop trigger audit_it_fail on \"user\"");
      Db.update("drop function audit_it_fail()");
    }
    Api.Reply committed =
        api()
            .post("update-user")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("name", "Committed Name").build())
            .send();
    assertEquals(200, committed.status());
    assertTrue(changesOf(u.id(), "user.update").contains("Committed Name"));
  }

  @Test
  void eventsCannotBeChanged() {
    TestUser u = TestUser.signUp(api());
    RuntimeException refused =
        assertThrows(
            RuntimeException.class,
            () ->
                Db.update(
                    "update \"auditEvent\" set \"action\" = 'nothing' where \"targetUserId\" = ?",
                    u.id()));
    assertTrue(String.valueOf(refused.getCause()).contains("append-only"), refused.toString());
  }

  @Test
  void listAuditEventsFiltersByUserActionAndTimeAndPagesNewestFirst() {
    TestUser admin = Admins.create(api());
    TestUser u = TestUser.signUp(api());
    Instant start = Instant.now().minusSeconds(5);
    for (String name : List.of("One", "Two", "Three")) {
      api()
          .post("update-user")
          .bearer(u.token())
          .json(Json.createObjectBuilder().add("name", name).build())
          .send();
    }
    String query = "admin/list-audit-events?userId=" + u.id() + "&action=user.update";
    JsonObject all = api().get(query).bearer(admin.token()).send().json();
    assertEquals(3, all.getInt("total"), all.toString());
    JsonArray events = all.getJsonArray("events");
    assertTrue(events.getJsonObject(0).getJsonObject("changes").toString().contains("Three"));
    assertEquals(u.id(), events.getJsonObject(0).getString("actorUserId"));
    JsonObject page = api().get(query + "&limit=2&offset=2").bearer(admin.token()).send().json();
    assertEquals(3, page.getInt("total"));
    assertEquals(1, page.getJsonArray("events").size());
    assertTrue(page.getJsonArray("events").getJsonObject(0).toString().contains("One"));
    JsonObject sinceStart =
        api()
            .get("admin/list-audit-events?userId=" + u.id() + "&from=" + enc(start))
            .bearer(admin.token())
            .send()
            .json();
    assertEquals(4, sinceStart.getInt("total"), "the sign-up and three updates: " + sinceStart);
    JsonObject beforeStart =
        api()
            .get("admin/list-audit-events?userId=" + u.id() + "&to=" + enc(start))
            .bearer(admin.token())
            .send()
            .json();
    assertEquals(0, beforeStart.getInt("total"));
    Api.Reply bad =
        api().get("admin/list-audit-events?from=yesterday").bearer(admin.token()).send();
    assertEquals(400, bad.status());
    assertEquals("VALIDATION_ERROR", bad.code());
    assertNotEquals(
        0,
        api().get("admin/list-audit-events").bearer(admin.token()).send().json().getInt("total"));
  }

  private static String enc(Instant i) {
    return URLEncoder.encode(i.toString(), StandardCharsets.UTF_8);
  }
}

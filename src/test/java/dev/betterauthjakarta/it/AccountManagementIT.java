package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account-management plugin, switched on as shipped. */
@ExtendWith(ArquillianExtension.class)
class AccountManagementIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  /** Links a Google account the way an OAuth sign-in would store it, secrets included. */
  private static String linkGoogle(TestUser u, String googleId) {
    String id = UUID.randomUUID().toString();
    Db.update(
        "insert into \"account\""
            + " (\"id\",\"accountId\",\"providerId\",\"userId\",\"accessToken\",\"refreshToken\",\"idToken\",\"scope\",\"createdAt\",\"updatedAt\")"
            + " values (?, ?, 'google', ?, 'ya29.secret-access', '1//secret-refresh',"
            + " 'eyJ.secret-id', 'openid,email, profile', now() + interval '1 second', now())",
        id,
        googleId,
        u.id());
    return id;
  }

  private JsonArray accounts(TestUser u) {
    Api.Reply reply = api().get("list-accounts").bearer(u.token()).send();
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().getJsonArray("accounts");
  }

  private Api.Reply unlink(TestUser u, String json) {
    return api().post("unlink-account").bearer(u.token()).json(json).send();
  }

  @Test
  void listAccountsShowsTheCredentialAccountInTheSeedsEnvelope() {
    TestUser u = TestUser.signUp(api());
    JsonArray accounts = accounts(u);
    assertEquals(1, accounts.size());
    JsonObject credential = accounts.getJsonObject(0);
    assertEquals(
        Set.of("id", "accountId", "providerId", "userId", "createdAt", "updatedAt", "scopes"),
        credential.keySet());
    assertEquals("credential", credential.getString("providerId"));
    assertEquals(u.id(), credential.getString("accountId"));
    assertEquals(u.id(), credential.getString("userId"));
    assertEquals(0, credential.getJsonArray("scopes").size());
  }

  @Test
  void listAccountsNeverReturnsPasswordsOrProviderTokens() {
    TestUser u = TestUser.signUp(api());
    linkGoogle(u, "google-" + u.id());
    Api.Reply reply = api().get("list-accounts").bearer(u.token()).send();
    for (String secret : List.of("secret-access", "secret-refresh", "secret-id", "argon2id")) {
      assertFalse(reply.text().contains(secret), secret);
    }
    JsonArray accounts = reply.json().getJsonArray("accounts");
    assertEquals(2, accounts.size());
    JsonObject google = accounts.getJsonObject(1);
    assertEquals("google", google.getString("providerId"));
    assertEquals(
        Json.createArrayBuilder().add("openid").add("email").add("profile").build(),
        google.getJsonArray("scopes"));
  }

  @Test
  void eachUserSeesOnlyTheirOwnAccounts() {
    TestUser a = TestUser.signUp(api());
    TestUser b = TestUser.signUp(api());
    linkGoogle(b, "google-b");
    assertEquals(1, accounts(a).size());
    assertEquals(2, accounts(b).size());
  }

  @Test
  void theLastAccountCannotBeUnlinkedWhicheverWayItIsNamed() {
    TestUser u = TestUser.signUp(api());
    String rowId = accounts(u).getJsonObject(0).getString("id");
    for (String body :
        List.of(
            "{\"providerId\":\"credential\"}",
            "{\"accountId\":\"" + rowId + "\"}",
            "{\"providerId\":\"google\"}",
            "{\"accountId\":\"bogus\"}")) {
      Api.Reply reply = unlink(u, body);
      assertEquals(400, reply.status(), body);
      assertEquals("FAILED_TO_UNLINK_LAST_ACCOUNT", reply.code(), body);
      assertEquals("You can't unlink your last account", reply.json().getString("message"));
    }
    assertEquals(1, accounts(u).size());
  }

  @Test
  void aProviderLinkIsUnlinkedByTheSeedsBodyAndTheCredentialCanGoWhenAnotherRemains() {
    TestUser u = TestUser.signUp(api());
    linkGoogle(u, "g-1");
    Api.Reply reply = unlink(u, "{\"providerId\":\"google\"}");
    assertEquals(200, reply.status(), reply.toString());
    assertEquals("{\"status\":true}", reply.text());
    assertEquals(
        List.of("credential"),
        accounts(u).stream().map(a -> a.asJsonObject().getString("providerId")).toList());

    linkGoogle(u, "g-2");
    assertEquals(
        200,
        unlink(u, "{\"providerId\":\"credential\",\"accountId\":\"" + u.id() + "\"}").status());
    assertEquals(
        List.of("google"),
        accounts(u).stream().map(a -> a.asJsonObject().getString("providerId")).toList());
  }

  @Test
  void betterAuth17sBodyUnlinksByTheRowId() {
    TestUser u = TestUser.signUp(api());
    String googleRow = linkGoogle(u, "g-17");
    assertEquals(200, unlink(u, "{\"accountId\":\"" + googleRow + "\"}").status());
    assertEquals(0, Db.count("select count(*) from \"account\" where \"id\" = ?", googleRow));
  }

  @Test
  void anUnknownAccountOrAnotherUsersIsNotFoundAndStaysUntouched() {
    TestUser u = TestUser.signUp(api());
    linkGoogle(u, "g-own");
    TestUser other = TestUser.signUp(api());
    String othersRow = linkGoogle(other, "g-other");
    for (String body :
        List.of(
            "{\"providerId\":\"github\"}",
            "{\"providerId\":\"google\",\"accountId\":\"g-other\"}",
            "{\"accountId\":\"" + othersRow + "\"}")) {
      Api.Reply reply = unlink(u, body);
      assertEquals(400, reply.status(), body);
      assertEquals("ACCOUNT_NOT_FOUND", reply.code(), body);
    }
    assertEquals(1, Db.count("select count(*) from \"account\" where \"id\" = ?", othersRow));
    assertEquals(2, accounts(u).size());
  }

  @Test
  void unlinkingNeedsAFreshSession() {
    TestUser u = TestUser.signUp(api());
    linkGoogle(u, "g-stale");
    u.ageSessions();
    Api.Reply reply = unlink(u, "{\"providerId\":\"google\"}");
    assertEquals(403, reply.status());
    assertEquals("SESSION_NOT_FRESH", reply.code());
    assertEquals(2, accounts(u).size(), "listing needs no fresh session");
  }

  @Test
  void unlinkValidatesItsBodyAndNeedsASession() {
    TestUser u = TestUser.signUp(api());
    Api.Reply empty = unlink(u, "{}");
    assertEquals(400, empty.status());
    assertEquals("VALIDATION_ERROR", empty.code());
    Api.Reply anonymous = api().post("unlink-account").json("{\"providerId\":\"google\"}").send();
    assertEquals(401, anonymous.status());
    assertEquals("UNAUTHORIZED", anonymous.code());
  }

  /** Repeated, since a race shows only when the two requests overlap. */
  @Test
  void twoUnlinksRacingOnATwoAccountUserLeaveOneAccount() {
    for (int round = 0; round < 8; round++) {
      TestUser u = TestUser.signUp(api());
      linkGoogle(u, "g-race-" + round);
      List<Api.Call> calls = new ArrayList<>();
      calls.add(api().post("unlink-account").bearer(u.token()).json("{\"providerId\":\"google\"}"));
      calls.add(
          api().post("unlink-account").bearer(u.token()).json("{\"providerId\":\"credential\"}"));
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(1, Race.count(replies, 200), replies.toString());
      Api.Reply refused = replies.stream().filter(r -> r.status() == 400).findFirst().orElseThrow();
      assertEquals("FAILED_TO_UNLINK_LAST_ACCOUNT", refused.code());
      assertEquals(
          1,
          Db.count("select count(*) from \"account\" where \"userId\" = ?", u.id()),
          "round " + round);
    }
  }

  @Test
  void theSeedsBodyWithTwoLinksOfOneProviderUnlinksTheOneNamed() {
    TestUser u = TestUser.signUp(api());
    linkGoogle(u, "g-first");
    linkGoogle(u, "g-second");
    assertEquals(200, unlink(u, "{\"providerId\":\"google\",\"accountId\":\"g-second\"}").status());
    List<String> left =
        accounts(u).stream().map(a -> a.asJsonObject().getString("accountId")).toList();
    assertTrue(left.contains("g-first") && !left.contains("g-second"), left.toString());
  }
}

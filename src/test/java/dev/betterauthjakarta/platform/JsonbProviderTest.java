package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.accounts.AccountView;
import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonbProviderTest {

  private static JsonObject toJson(Object o) {
    return Json.createReader(new StringReader(JsonbProvider.jsonb().toJson(o))).readObject();
  }

  @Test
  void aUserCarriesEveryFieldWithNullsAndMillisecondDates() {
    User user =
        new User(
            "u1",
            new NewUser("Ada", "ada@example.com", null, null, null, null),
            Instant.parse("2026-11-28T10:15:30.123456Z"));
    JsonObject json = toJson(UserView.from(user));
    for (String field :
        new String[] {
          "id",
          "name",
          "email",
          "emailVerified",
          "image",
          "createdAt",
          "updatedAt",
          "username",
          "displayUsername",
          "role",
          "banned",
          "banReason",
          "banExpires",
          "twoFactorEnabled",
          "metadata"
        }) {
      assertTrue(json.containsKey(field), field);
    }
    assertEquals(JsonObject.NULL, json.get("image"));
    assertEquals("2026-11-28T10:15:30.123Z", json.getString("createdAt"));
    assertEquals("user", json.getString("role"));
    assertEquals(Json.createObjectBuilder().build(), json.getJsonObject("metadata"));
  }

  @Test
  void anAccountHasNoPasswordOrTokenFieldToLeak() {
    JsonObject json =
        toJson(AccountView.from(Account.credential("a1", "u1", "$argon2id$secret", Instant.EPOCH)));
    assertFalse(json.toString().contains("argon2id"));
    assertEquals(
        Set.of("id", "accountId", "providerId", "userId", "createdAt", "updatedAt", "scopes"),
        json.keySet());
  }

  @Test
  void errorsAreCodeAndMessage() {
    JsonObject json = toJson(new ErrorBody("INVALID_TOKEN", "Invalid token"));
    assertEquals("{\"code\":\"INVALID_TOKEN\",\"message\":\"Invalid token\"}", json.toString());
  }
}

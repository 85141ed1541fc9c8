package dev.betterauthjakarta.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** How an id token's claims and the userinfo answer combine into one profile. */
class OidcProfileClaimsTest {

  /**
   * An id token that says {@code email_verified: true} but names no address, and a userinfo answer
   * with an address it does not vouch for: the id token's word is about no address at all, so it
   * must not verify the one userinfo returned.
   */
  @Test
  void theIdTokensEmailVerifiedDoesNotVouchForAnAddressOnlyUserinfoNamed() {
    JsonObject id = Json.createObjectBuilder().add("sub", "s1").add("email_verified", true).build();
    JsonObject info =
        Json.createObjectBuilder()
            .add("sub", "s1")
            .add("email", "victim@example.com")
            .add("email_verified", false)
            .build();
    JsonObject merged = OidcProvider.withUserInfo(id, info, "email", "email_verified");
    assertEquals("victim@example.com", merged.getString("email"));
    assertFalse(ProviderHttp.bool(merged, "email_verified"));

    JsonObject silent =
        Json.createObjectBuilder().add("sub", "s1").add("email", "a@b.example").build();
    assertFalse(
        ProviderHttp.bool(
            OidcProvider.withUserInfo(id, silent, "email", "email_verified"), "email_verified"),
        "userinfo that says nothing about verification verifies nothing");
  }

  @Test
  void userinfoFillsWhatTheIdTokenLacksAndTheIdTokenWinsOtherwise() {
    JsonObject id = Json.createObjectBuilder().add("sub", "s1").add("name", "From Token").build();
    JsonObject info =
        Json.createObjectBuilder()
            .add("sub", "s1")
            .add("name", "From Userinfo")
            .add("email", "a@b.example")
            .add("email_verified", true)
            .build();
    JsonObject merged = OidcProvider.withUserInfo(id, info, "email", "email_verified");
    assertEquals("From Token", merged.getString("name"));
    assertEquals("a@b.example", merged.getString("email"));
    assertTrue(ProviderHttp.bool(merged, "email_verified"));
  }
}

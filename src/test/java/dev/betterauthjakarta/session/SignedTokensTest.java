package dev.betterauthjakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.Fixtures;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedTokensTest {
  private static final JsonObject FIXTURE =
      Fixtures.jsonArray("signed-tokens.json").getJsonObject(0);
  private static final byte[] SECRET = FIXTURE.getString("secret").getBytes(StandardCharsets.UTF_8);
  private static final String TOKEN = FIXTURE.getString("token");

  @Test
  void signsExactlyAsBetterAuthsBearerPlugin() {
    for (JsonObject f : Fixtures.jsonArray("signed-tokens.json").getValuesAs(JsonObject.class)) {
      byte[] secret = f.getString("secret").getBytes(StandardCharsets.UTF_8);
      assertEquals(f.getString("signed"), SignedTokens.sign(secret, f.getString("token")));
    }
  }

  @Test
  void acceptsTheRawTheSignedAndTheUrlEncodedForms() {
    for (String form :
        new String[] {TOKEN, FIXTURE.getString("signed"), FIXTURE.getString("urlEncoded")}) {
      assertEquals(
          Optional.of(TOKEN), SignedTokens.fromAuthorization(SECRET, "Bearer " + form), form);
    }
  }

  @Test
  void theSchemeIsCaseInsensitiveAndTheTokenTrimmed() {
    assertEquals(Optional.of(TOKEN), SignedTokens.fromAuthorization(SECRET, "bearer " + TOKEN));
    assertEquals(
        Optional.of(TOKEN), SignedTokens.fromAuthorization(SECRET, "BEARER   " + TOKEN + "  "));
  }

  @Test
  void urlSafeAndUnpaddedSignaturesAreAccepted() {
    String signed = FIXTURE.getString("signed");
    String urlSafe = signed.replace('+', '-').replace('/', '_').replace("=", "");
    assertEquals(Optional.of(TOKEN), SignedTokens.fromAuthorization(SECRET, "Bearer " + urlSafe));
  }

  @Test
  void aBadSignatureAnotherSchemeOrNothingIsNoCredential() {
    String signed = FIXTURE.getString("signed");
    String tampered =
        signed.substring(0, signed.length() - 3) + (signed.endsWith("AA=") ? "BA=" : "AA=");
    assertTrue(SignedTokens.fromAuthorization(SECRET, "Bearer " + tampered).isEmpty());
    assertTrue(
        SignedTokens.fromAuthorization("other-secret".getBytes(), "Bearer " + signed).isEmpty());
    assertTrue(SignedTokens.fromAuthorization(SECRET, "Bearer " + TOKEN + ".!!!").isEmpty());
    assertTrue(SignedTokens.fromAuthorization(SECRET, "Bearer .sig").isEmpty());
    assertTrue(SignedTokens.fromAuthorization(SECRET, "Basic " + TOKEN).isEmpty());
    assertTrue(SignedTokens.fromAuthorization(SECRET, "Bearer ").isEmpty());
    assertTrue(SignedTokens.fromAuthorization(SECRET, "Bearer %zz").isEmpty());
    assertTrue(SignedTokens.fromAuthorization(SECRET, null).isEmpty());
  }
}

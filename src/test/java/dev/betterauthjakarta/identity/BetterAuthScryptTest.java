package dev.betterauthjakarta.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.Fixtures;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class BetterAuthScryptTest {

  @Test
  void everyHashMadeByBetterAuthVerifiesWithItsPasswordAndNotWithAnother() {
    var fixtures = Fixtures.jsonArray("hashes.json");
    assertEquals(3, fixtures.size());
    for (JsonObject f : fixtures.getValuesAs(JsonObject.class)) {
      String hash = f.getString("hash");
      String password = f.getString("password");
      assertTrue(BetterAuthScrypt.isHash(hash), hash);
      assertTrue(BetterAuthScrypt.verify(password, hash), password);
      assertFalse(BetterAuthScrypt.verify(password + "x", hash), password);
    }
  }

  @Test
  void passwordsAreNfkcNormalisedSoTheLigatureAndItsLettersAreTheSamePassword() {
    String hash =
        Fixtures.jsonArray("hashes.json").getJsonObject(1).getString("hash"); // "Pässwörd-ﬁ 123"
    assertTrue(BetterAuthScrypt.verify("Pässwörd-fi 123", hash));
  }

  @Test
  void newHashesHaveBetterAuthsFormatAndVerify() {
    String hash = BetterAuthScrypt.hash("correct horse");
    assertEquals(161, hash.length());
    assertTrue(BetterAuthScrypt.isHash(hash));
    assertTrue(BetterAuthScrypt.verify("correct horse", hash));
    assertNotEquals(hash, BetterAuthScrypt.hash("correct horse"), "a fresh salt each time");
  }

  @Test
  void malformedStoredValuesNeverVerify() {
    assertFalse(BetterAuthScrypt.verify("x", "no-colon"));
    assertFalse(BetterAuthScrypt.verify("x", "$2b$10$bcrypt-hash-from-elsewhere"));
    assertFalse(BetterAuthScrypt.isHash(null));
  }
}

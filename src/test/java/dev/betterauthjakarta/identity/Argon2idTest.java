package dev.betterauthjakarta.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class Argon2idTest {
  private static final String HASH = Argon2id.hash("correct horse battery staple");

  @Test
  void hashesArePhcStringsWithTheCurrentParameters() {
    assertTrue(
        HASH.matches(
            "^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$"),
        HASH);
    assertTrue(Argon2id.hasCurrentParameters(HASH));
  }

  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    assertTrue(Argon2id.verify("correct horse battery staple", HASH));
    assertFalse(Argon2id.verify("correct horse battery stapl", HASH));
    assertFalse(Argon2id.verify("", HASH));
  }

  @Test
  void eachHashHasItsOwnSalt() {
    assertNotEquals(HASH, Argon2id.hash("correct horse battery staple"));
  }

  @Test
  void passwordsAreNfkcNormalisedLikeBetterAuths() {
    String hash = Argon2id.hash("Pässwörd-ﬁ 123");
    assertTrue(Argon2id.verify("Pässwörd-fi 123", hash));
  }

  /** Vectors made by an independent implementation (npm hash-wasm 4.13.0, argon2id). */
  @Test
  void verifiesHashesMadeByAnotherArgon2Implementation() {
    String current =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ISO7kkvFzh19GM8qB7patN3C3Y9HHsjlVTfEZ9T600Y";
    assertTrue(Argon2id.verify("correct horse battery staple", current));
    assertFalse(Argon2id.verify("correct horse battery staplE", current));
    String other =
        "$argon2id$v=19$m=8192,t=3,p=2$MDEyMzQ1Njc4OWFiY2RlZg$KDFGrH579VYgbJnQYREc0W4xDX9Q8Vd2GibgrdS9OMc";
    assertTrue(Argon2id.verify("pässwörd", other));
    assertFalse(Argon2id.hasCurrentParameters(other));
  }

  @Test
  void weakerParametersAreFlaggedForAnUpgradeAndTamperedOnesRejected() {
    String weak = HASH.replace("m=19456,t=2", "m=4096,t=1");
    assertFalse(Argon2id.hasCurrentParameters(weak));
    String bomb = HASH.replace("m=19456", "m=99999999");
    assertFalse(Argon2id.verify("correct horse battery staple", bomb), "memory bound enforced");
    assertFalse(Argon2id.verify("x", "$argon2id$v=19$garbage"));
    assertFalse(Argon2id.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA"));
  }

  /**
   * Hashes run concurrently (PasswordHasher allows one per processor): concurrent hashes, with the
   * current and with other parameters, must each still give the reference result.
   */
  @Test
  void concurrentHashesGiveTheReferenceResults() throws Exception {
    String current =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ISO7kkvFzh19GM8qB7patN3C3Y9HHsjlVTfEZ9T600Y";
    String other =
        "$argon2id$v=19$m=8192,t=3,p=2$MDEyMzQ1Njc4OWFiY2RlZg$KDFGrH579VYgbJnQYREc0W4xDX9Q8Vd2GibgrdS9OMc";
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        boolean useCurrent = i % 3 != 0;
        boolean right = i % 2 == 0;
        results.add(
            pool.submit(
                () -> {
                  boolean verified =
                      useCurrent
                          ? Argon2id.verify(
                              right ? "correct horse battery staple" : "wrong horse", current)
                          : Argon2id.verify(right ? "pässwörd" : "passwort", other);
                  return verified == right;
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

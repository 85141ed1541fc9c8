package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private static final String CONTEXT = "account:a1:accessToken";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static SecretCipher cipher(String... secrets) {
    return SecretCipher.of(java.util.Arrays.stream(secrets).map(SecretCipherTest::utf8).toList());
  }

  /** Made by Better Auth 1.7.25's own symmetricEncrypt (src/test/js/better-auth-vectors.mjs). */
  private static JsonObject vectors() throws Exception {
    try (InputStream in =
        SecretCipherTest.class.getResourceAsStream(
            "/fixtures/better-auth-1.7.25/encrypted-tokens.json")) {
      return Json.createReader(in).readObject();
    }
  }

  @Test
  void aSealedValueOpensInItsContextOnly() {
    SecretCipher c = cipher("s3cret-one-0123456789abcdef0123456789");
    String sealed = c.seal("ya29.token", CONTEXT);
    assertTrue(sealed.startsWith("$bj1$"), sealed);
    assertFalse(sealed.contains("ya29"));
    assertEquals("ya29.token", c.open(sealed, CONTEXT));
    assertThrows(IllegalStateException.class, () -> c.open(sealed, "account:a2:accessToken"));
    assertThrows(IllegalStateException.class, () -> c.open(sealed, "account:a1:refreshToken"));
    assertNull(c.seal(null, CONTEXT));
    assertNull(c.open(null, CONTEXT));
  }

  @Test
  void everySealUsesAFreshIv() {
    SecretCipher c = cipher("s3cret-one-0123456789abcdef0123456789");
    assertNotEquals(c.seal("same", CONTEXT), c.seal("same", CONTEXT));
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    SecretCipher c = cipher("s3cret-one-0123456789abcdef0123456789");
    String sealed = c.seal("ya29.token", CONTEXT);
    int dollar = sealed.lastIndexOf('$');
    byte[] data = Base64.getUrlDecoder().decode(sealed.substring(dollar + 1));
    data[data.length - 20] ^= 1;
    String tampered =
        sealed.substring(0, dollar + 1)
            + Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    assertThrows(IllegalStateException.class, () -> c.open(tampered, CONTEXT));
    assertThrows(IllegalStateException.class, () -> c.open("$bj1$zz$%%%", CONTEXT));
    assertThrows(IllegalStateException.class, () -> c.open("$bj1$", CONTEXT));
  }

  @Test
  void theKeyIdNamesTheSecretSoItCanRotate() {
    SecretCipher old = cipher("old-secret-0123456789abcdef0123456789");
    String sealedWithOld = old.seal("refresh-1", CONTEXT);
    SecretCipher rotated =
        cipher("new-secret-0123456789abcdef0123456789", "old-secret-0123456789abcdef0123456789");
    assertEquals("refresh-1", rotated.open(sealedWithOld, CONTEXT));
    assertFalse(rotated.isCurrent(sealedWithOld));
    String resealed = rotated.seal("refresh-1", CONTEXT);
    assertTrue(rotated.isCurrent(resealed));
    assertNotEquals(sealedWithOld.substring(0, 14), resealed.substring(0, 14), "another key id");
    SecretCipher retired = cipher("new-secret-0123456789abcdef0123456789");
    assertThrows(IllegalStateException.class, () -> retired.open(sealedWithOld, CONTEXT));
  }

  @Test
  void betterAuthsPlaintextTokensReadAsThey() {
    SecretCipher c = cipher("s3cret-one-0123456789abcdef0123456789");
    assertEquals("ya29.plain", c.open("ya29.plain", CONTEXT));
    assertEquals(
        "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        c.open("gho_16C7e42F292c6912E7710c838347Ae178B4a", CONTEXT));
    String hexLooking = "ab".repeat(48); // an opaque token that happens to be hex
    assertEquals(hexLooking, c.open(hexLooking, CONTEXT));
  }

  @Test
  void betterAuthsBareHexXChaCha20Poly1305OpensWithItsSecret() throws Exception {
    JsonObject v = vectors();
    JsonObject bare = v.getJsonObject("bareHex");
    SecretCipher c = cipher(v.getString("secret"));
    assertEquals(bare.getString("plaintext"), c.open(bare.getString("stored"), "any context"));
  }

  @Test
  void betterAuthsVersionedEnvelopeOpensWithAnyConfiguredSecret() throws Exception {
    JsonObject v = vectors();
    JsonObject envelope = v.getJsonObject("envelope");
    // Our current secret first, Better Auth's rotated one among the previous secrets.
    SecretCipher c =
        cipher("our-current-secret-0123456789abcdef0123", v.getString("rotatedSecret"));
    assertEquals(envelope.getString("plaintext"), c.open(envelope.getString("stored"), CONTEXT));
    assertFalse(c.isCurrent(envelope.getString("stored")));
    SecretCipher without = cipher(v.getString("secret"));
    assertThrows(
        IllegalStateException.class, () -> without.open(envelope.getString("stored"), CONTEXT));
  }

  @Test
  void betterAuthsBareHexWithAWrongSecretIsNotMistakenForAToken() throws Exception {
    JsonObject bare = vectors().getJsonObject("bareHex");
    SecretCipher other = cipher("unrelated-secret-0123456789abcdef01234");
    // No secret opens it, so it reads as what it looks like: the stored text (Better Auth's rule).
    assertEquals(bare.getString("stored"), other.open(bare.getString("stored"), CONTEXT));
  }

  @Test
  void aValueReadFromBetterAuthIsWrittenBackInOurFormat() throws Exception {
    JsonObject v = vectors();
    SecretCipher c = cipher(v.getString("secret"));
    String plaintext = c.open(v.getJsonObject("bareHex").getString("stored"), CONTEXT);
    String ours = c.seal(plaintext, CONTEXT);
    assertTrue(c.isCurrent(ours));
    assertEquals(plaintext, c.open(ours, CONTEXT));
    assertThrows(IllegalArgumentException.class, () -> SecretCipher.of(List.of()));
  }
}

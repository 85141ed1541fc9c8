package dev.betterauthjakarta.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encryption of secrets kept at rest (a provider's access, refresh and id tokens).
 *
 * <p>Written format: {@code $bj1$<key id>$<base64url(iv ‖ ciphertext ‖ tag)>}: AES-256-GCM with a
 * random 96-bit IV, the key derived from a service secret with HKDF-SHA256, the key id (8 hex
 * characters, derived from the key by HKDF with another label) naming which secret sealed it, and
 * the caller's context (e.g. the account row and column) as associated data, so a value copied to
 * another row or column does not open. The first configured secret seals; every configured secret
 * opens, so the secret can rotate: set the new one and keep the old one in the previous secrets
 * until every value was written again.
 *
 * <p>Also read, never written: what a Better Auth server stored. Its tokens are plaintext by
 * default; with {@code encryptOAuthTokens} they are XChaCha20-Poly1305 under SHA-256 of the secret
 * string, 24-byte nonce first, as lowercase hex, bare or in a {@code $ba$<version>$} envelope. Each
 * configured secret is tried (the AEAD tag says which one fits); a hex string that no secret opens
 * was plaintext all along (an opaque token may well be hex).
 */
public final class SecretCipher {
  private static final String PREFIX = "$bj1$";
  private static final String BETTER_AUTH_PREFIX = "$ba$";
  private static final byte[] SALT = "better-auth-jakarta".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_INFO =
      "secret-at-rest aes-256-gcm v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID_INFO =
      "secret-at-rest key id v1".getBytes(StandardCharsets.US_ASCII);
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int XCHACHA_NONCE_BYTES = 24;
  private static final int XCHACHA_TAG_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Key(String id, SecretKeySpec aes, byte[] betterAuthKey) {}

  private final List<Key> keys;

  private SecretCipher(List<Key> keys) {
    this.keys = keys;
  }

  /**
   * A cipher over the given secrets: the first seals, all open.
   *
   * @param secrets the current secret first, then earlier ones (UTF-8 bytes of the secret strings)
   */
  public static SecretCipher of(List<byte[]> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("At least one secret is needed");
    }
    List<Key> keys = new ArrayList<>();
    for (byte[] secret : secrets) {
      byte[] key = hkdf(secret, KEY_INFO, 32);
      String id = HexFormat.of().formatHex(hkdf(secret, ID_INFO, 4));
      keys.add(new Key(id, new SecretKeySpec(key, "AES"), sha256(secret)));
    }
    return new SecretCipher(List.copyOf(keys));
  }

  /**
   * The sealed form of {@code plaintext}, or null for null.
   *
   * @param context what the value belongs to (bound as associated data; the same context opens it)
   */
  public String seal(String plaintext, String context) {
    if (plaintext == null) {
      return null;
    }
    Key key = keys.get(0);
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + key.id() + "$" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java platform", e);
    }
  }

  /**
   * The plaintext of a stored value: ours, Better Auth's (encrypted or not), or null for null.
   *
   * @param context the context it was sealed with (ignored for Better Auth's values)
   * @throws IllegalStateException when the value is sealed but no configured secret opens it (a
   *     retired secret, or a value that was tampered with)
   */
  public String open(String stored, String context) {
    if (stored == null) {
      return null;
    }
    if (stored.startsWith(PREFIX)) {
      return openOurs(stored, context);
    }
    if (stored.startsWith(BETTER_AUTH_PREFIX)) {
      int end = stored.indexOf('$', BETTER_AUTH_PREFIX.length());
      Optional<String> opened =
          end < 0 ? Optional.empty() : openBetterAuth(stored.substring(end + 1));
      return opened.orElseThrow(
          () -> new IllegalStateException("No configured secret opens a Better Auth envelope"));
    }
    return openBetterAuth(stored).orElse(stored); // bare hex, or Better Auth's plaintext default
  }

  /** Whether {@code stored} is in the written format under the current secret. */
  public boolean isCurrent(String stored) {
    return stored == null || stored.startsWith(PREFIX + keys.get(0).id() + "$");
  }

  private String openOurs(String stored, String context) {
    int end = stored.indexOf('$', PREFIX.length());
    if (end < 0) {
      throw new IllegalStateException("Malformed sealed value");
    }
    String id = stored.substring(PREFIX.length(), end);
    Key key =
        keys.stream()
            .filter(k -> k.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Sealed with an unknown secret " + id));
    byte[] data;
    try {
      data = Base64.getUrlDecoder().decode(stored.substring(end + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Malformed sealed value");
    }
    if (data.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("Malformed sealed value");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key.aes(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalStateException("Sealed value does not open in this context");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Sealed value does not open", e);
    }
  }

  /** Better Auth's XChaCha20-Poly1305 hex, tried with every secret; empty when none opens it. */
  private Optional<String> openBetterAuth(String hex) {
    if (hex.length() % 2 != 0
        || hex.length() < 2 * (XCHACHA_NONCE_BYTES + XCHACHA_TAG_BYTES)
        || !hex.chars().allMatch(HexFormat::isHexDigit)) {
      return Optional.empty();
    }
    byte[] data = HexFormat.of().parseHex(hex);
    for (Key key : keys) {
      Optional<byte[]> plain = xchacha(key.betterAuthKey(), data);
      if (plain.isPresent()) {
        return Optional.of(new String(plain.get(), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static Optional<byte[]> xchacha(byte[] key, byte[] data) {
    XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
    byte[] nonce = new byte[XCHACHA_NONCE_BYTES];
    System.arraycopy(data, 0, nonce, 0, nonce.length);
    cipher.init(false, new AEADParameters(new KeyParameter(key), 128, nonce));
    int length = data.length - nonce.length;
    byte[] out = new byte[cipher.getOutputSize(length)];
    try {
      int n = cipher.processBytes(data, nonce.length, length, out, 0);
      n += cipher.doFinal(out, n);
      byte[] plain = new byte[n];
      System.arraycopy(out, 0, plain, 0, n);
      return Optional.of(plain);
    } catch (InvalidCipherTextException e) {
      return Optional.empty();
    }
  }

  private static byte[] hkdf(byte[] secret, byte[] info, int length) {
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(secret, SALT, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }

  private static byte[] sha256(byte[] secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}

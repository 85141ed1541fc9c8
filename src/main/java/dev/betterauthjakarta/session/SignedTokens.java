package dev.betterauthjakarta.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Better Auth's session token forms: the raw token, {@code <token>.<signature>} where the signature
 * is standard base64 of HMAC-SHA256(secret, token), and that value URL-encoded. A bearer header may
 * carry any of them; the session cookie always carries a signed one.
 */
public final class SignedTokens {
  private SignedTokens() {}

  public static String sign(byte[] secret, String token) {
    return token + "." + Base64.getEncoder().encodeToString(hmac(secret, token));
  }

  /**
   * The session token inside an {@code Authorization} header, or empty when the header is not a
   * usable bearer credential (another scheme, empty, or a signature that does not verify: Better
   * Auth ignores such a header rather than rejecting the request).
   */
  public static Optional<String> fromAuthorization(byte[] secret, String header) {
    if (header == null || header.length() < 7) {
      return Optional.empty();
    }
    if (!header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return Optional.empty();
    }
    return fromPresented(secret, header.substring(7).trim(), false);
  }

  /** The session token inside the session cookie, which is always signed. */
  public static Optional<String> fromCookie(byte[] secret, String value) {
    return value == null ? Optional.empty() : fromPresented(secret, value.trim(), true);
  }

  private static Optional<String> fromPresented(byte[] secret, String value, boolean signed) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.indexOf('%') >= 0) {
      try {
        // '+' is a base64 character here, never an encoded space.
        value = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    int dot = value.indexOf('.');
    if (dot < 0) {
      return signed ? Optional.empty() : Optional.of(value);
    }
    String token = value.substring(0, dot);
    String signature = value.substring(dot + 1);
    return token.isEmpty() || !verifies(secret, token, signature)
        ? Optional.empty()
        : Optional.of(token);
  }

  /** Accepts standard or URL-safe base64, padded or not; compares in constant time. */
  static boolean verifies(byte[] secret, String token, String signature) {
    byte[] presented;
    try {
      String normalized = signature.replace('-', '+').replace('_', '/');
      while (normalized.endsWith("=")) {
        normalized = normalized.substring(0, normalized.length() - 1);
      }
      presented = Base64.getDecoder().decode(normalized);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(presented, hmac(secret, token));
  }

  private static byte[] hmac(byte[] secret, String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
    }
  }
}

package dev.betterauthjakarta.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA-1, 30-second steps from the Unix epoch, and
 * Better Auth's key convention: the HMAC key is the UTF-8 bytes of the 32-character secret string,
 * and the {@code otpauth://} URI carries their base32 (RFC 4648, no padding), so an authenticator
 * app and Better Auth's server compute the same codes from one enrolment.
 */
public final class Totp {
  /** Seconds per time step (RFC 6238's X). */
  public static final long PERIOD = 30;

  /** Digits of a code. */
  public static final int DIGITS = 6;

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Totp() {}

  /**
   * The HOTP value (RFC 4226 section 5.3) of one counter, zero-padded to {@code digits}.
   *
   * @param key the HMAC key
   * @param counter the moving factor (for TOTP: the time step)
   * @param digits 6 to 8
   * @param algorithm {@code HmacSHA1} (Better Auth's only), or {@code HmacSHA256}/{@code
   *     HmacSHA512} for RFC 6238's other test vectors
   */
  public static String hotp(byte[] key, long counter, int digits, String algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, "RAW"));
      byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      int otp = binary % (int) Math.pow(10, digits);
      return String.format("%0" + digits + "d", otp);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every Java platform", e);
    }
  }

  /** The time step of an instant: whole {@link #PERIOD}s since the epoch. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), PERIOD);
  }

  /**
   * Checks a code against the steps {@code now-1}, {@code now}, {@code now+1} (clock drift of one
   * step either way, as Better Auth accepts) in constant time per step, and refuses a step that is
   * not after {@code lastUsedStep}: an accepted code cannot be used again (RFC 6238 section 5.2).
   *
   * @param secret the secret string (its UTF-8 bytes are the key)
   * @param code what the user typed
   * @param lastUsedStep the step of the last accepted code, or null
   * @return the step the code belongs to, or empty when it matches none that may still be used
   */
  public static OptionalLong verify(String secret, String code, Instant now, Long lastUsedStep) {
    if (code == null
        || code.length() != DIGITS
        || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
    long current = step(now);
    long matched = Long.MIN_VALUE;
    for (long s = current - 1; s <= current + 1; s++) {
      byte[] expected = hotp(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, presented)) {
        matched = Math.max(matched, s);
      }
    }
    if (matched == Long.MIN_VALUE || (lastUsedStep != null && matched <= lastUsedStep)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(matched);
  }

  /** The code of {@code at}, as an authenticator app would show it. */
  public static String codeAt(String secret, Instant at) {
    return hotp(secret.getBytes(StandardCharsets.UTF_8), step(at), DIGITS, "HmacSHA1");
  }

  /** Base32 (RFC 4648 alphabet) without padding, as Better Auth writes it into the URI. */
  public static String base32(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  /**
   * The key URI authenticator apps read (Google Authenticator's {@code otpauth} format): {@code
   * otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&digits=6&period=30}.
   *
   * @param issuer the service's name shown in the app
   * @param account the user's email
   */
  public static String uri(String secret, String issuer, String account) {
    String label = pathPart(issuer) + ":" + pathPart(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(secret.getBytes(StandardCharsets.UTF_8))
        + "&issuer="
        + URLEncoder.encode(issuer, StandardCharsets.UTF_8)
        + "&digits="
        + DIGITS
        + "&period="
        + PERIOD;
  }

  private static String pathPart(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package dev.betterauthjakarta.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Opaque random tokens (session tokens, mailed links): 32 characters of [A-Za-z0-9] as Better
 * Auth's {@code generateId(32)} makes them, stored only as their SHA-256.
 */
public final class Tokens {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Characters in a generated token. */
  public static final int LENGTH = 32;

  private Tokens() {}

  /**
   * A new token of {@link #LENGTH} characters, about 190 bits of entropy from {@link SecureRandom};
   * {@code nextInt(62)} is unbiased, unlike a byte modulo 62.
   */
  public static String generate() {
    char[] token = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      token[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(token);
  }

  /**
   * What the database keeps of a token: the lowercase hex SHA-256 of its UTF-8 bytes (64
   * characters). A leaked table then holds no usable token, and a lookup by hash leaks nothing
   * useful through timing.
   */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}

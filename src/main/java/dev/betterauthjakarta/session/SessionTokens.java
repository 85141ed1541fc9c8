package dev.betterauthjakarta.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Opaque tokens: 32 characters of [A-Za-z0-9] as Better Auth makes them, stored as SHA-256. */
public final class SessionTokens {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final int LENGTH = 32;

  private SessionTokens() {}

  /** About 190 bits of entropy; nextInt(62) is unbiased, unlike a byte modulo 62. */
  public static String generate() {
    char[] token = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      token[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(token);
  }

  /**
   * What the database keeps: lowercase hex SHA-256. A leaked table then holds no usable token,
   * and a lookup by hash leaks nothing useful through timing.
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

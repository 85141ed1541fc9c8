package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Better Auth's username plugin rules: 3 to 30 of [a-zA-Z0-9_.], checked on the value as typed,
 * stored lower-cased; the display username keeps the typed casing.
 */
public final class Usernames {
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 30;
  public static final int MAX_DISPLAY_LENGTH = 256;
  private static final Pattern ALLOWED = Pattern.compile("^[a-zA-Z0-9_.]+$");

  private Usernames() {}

  /** The stored form of a valid username; throws Better Auth's error for an invalid one. */
  public static String normalize(String typed) {
    validate(typed);
    return typed.toLowerCase(Locale.ROOT);
  }

  public static void validate(String typed) {
    if (typed.length() < MIN_LENGTH) {
      throw new AuthException(ErrorCode.USERNAME_TOO_SHORT);
    }
    if (typed.length() > MAX_LENGTH) {
      throw new AuthException(ErrorCode.USERNAME_TOO_LONG);
    }
    if (!ALLOWED.matcher(typed).matches()) {
      throw new AuthException(ErrorCode.INVALID_USERNAME);
    }
  }

  public static boolean isValid(String typed) {
    return typed.length() >= MIN_LENGTH
        && typed.length() <= MAX_LENGTH
        && ALLOWED.matcher(typed).matches();
  }
}

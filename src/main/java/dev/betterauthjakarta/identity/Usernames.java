package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import java.util.Locale;
import java.util.Optional;
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
    problem(typed)
        .ifPresent(
            code -> {
              throw new AuthException(code);
            });
  }

  /** What is wrong with a typed username, if anything. */
  public static Optional<ErrorCode> problem(String typed) {
    if (typed.length() < MIN_LENGTH) {
      return Optional.of(ErrorCode.USERNAME_TOO_SHORT);
    }
    if (typed.length() > MAX_LENGTH) {
      return Optional.of(ErrorCode.USERNAME_TOO_LONG);
    }
    if (!ALLOWED.matcher(typed).matches()) {
      return Optional.of(ErrorCode.INVALID_USERNAME);
    }
    return Optional.empty();
  }

  /**
   * For the routes that look a username up (sign-in, availability): Better Auth answers a malformed
   * one with 422 there, 400 elsewhere.
   */
  public static String normalizeForLookup(String typed) {
    problem(typed)
        .ifPresent(
            code -> {
              throw new AuthException(422, code, code.message());
            });
    return typed.toLowerCase(Locale.ROOT);
  }

  public static boolean isValid(String typed) {
    return problem(typed).isEmpty();
  }
}

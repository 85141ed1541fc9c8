package dev.betterauthjakarta.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as Better Auth takes them: zod's email syntax, stored lower-cased. */
public final class Emails {
  public static final int MAX_LENGTH = 254;
  public static final int MAX_LOCAL_PART = 64;
  // zod's email pattern (no quoted local parts, no IP literals, a 2+ letter TLD).
  private static final Pattern SYNTAX =
      Pattern.compile(
          "^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");

  private Emails() {}

  public static boolean isValid(String email) {
    int at = email.lastIndexOf('@');
    return email.length() <= MAX_LENGTH
        && at > 0
        && at <= MAX_LOCAL_PART
        && SYNTAX.matcher(email).matches();
  }

  /** Within the limits of the wire (a longer value is a validation error, not a bad email). */
  public static boolean isWithinLimits(String email) {
    int at = email.lastIndexOf('@');
    return email.length() <= MAX_LENGTH && (at < 0 || at <= MAX_LOCAL_PART);
  }

  public static String normalize(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}

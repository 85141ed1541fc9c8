package dev.betterauthjakarta.identity;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The format new password hashes are written in ({@code better.auth.password.hash-format}). Both
 * formats always verify; a stored hash in the other format is upgraded at the next sign-in.
 */
public enum PasswordHashFormat {
  /** argon2id in the PHC string format (the default). */
  ARGON2ID("argon2id"),
  /**
   * Better Auth's {@code saltHex:keyHex} scrypt, while a Better Auth server shares the database.
   */
  BETTER_AUTH_SCRYPT("better-auth-scrypt");

  private final String setting;

  PasswordHashFormat(String setting) {
    this.setting = setting;
  }

  /** The value as written in configuration. */
  public String setting() {
    return setting;
  }

  /**
   * The format a configuration value names, ignoring case and surrounding blanks. {@link
   * IdentitySettings} parses the setting with this when the application starts, so a typo fails the
   * deployment.
   *
   * @throws IllegalArgumentException naming the allowed values, for any other value
   */
  public static PasswordHashFormat of(String value) {
    for (PasswordHashFormat format : values()) {
      if (format.setting.equalsIgnoreCase(value.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "better.auth.password.hash-format must be one of "
            + Arrays.stream(values()).map(f -> f.setting).collect(Collectors.joining(", "))
            + ", not '"
            + value
            + "'");
  }
}

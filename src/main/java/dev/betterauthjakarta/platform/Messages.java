package dev.betterauthjakarta.platform;

/**
 * Bean Validation messages in the words of Better Auth's zod schemas, so that clients see the same
 * {@code [body.<field>] <message>} text from this service as from Better Auth.
 */
public final class Messages {
  /** For {@code @NotNull} on a required string. */
  public static final String REQUIRED_STRING = "Invalid input: expected string, received undefined";

  /** For {@code @Size(max = ...)} on a string. */
  public static final String TOO_BIG = "Too big: expected string to have <={max} characters";

  private Messages() {}
}

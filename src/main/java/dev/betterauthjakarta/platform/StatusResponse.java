package dev.betterauthjakarta.platform;

/** Better Auth's {@code {"status": true}} answer. */
public record StatusResponse(boolean status) {
  public static final StatusResponse TRUE = new StatusResponse(true);
}

package dev.betterauthjakarta.platform;

import jakarta.ejb.ApplicationException;

/**
 * The one domain exception. Thrown by rules and request parsing; {@link AuthExceptionMapper} writes
 * it as {@code {code, message}}. As an application exception it reaches the mapper unwrapped and
 * rolls the container transaction back, so nothing half-written stays.
 */
@ApplicationException(rollback = true)
public class AuthException extends RuntimeException {
  private final ErrorCode code;
  private final int status;

  public AuthException(ErrorCode code) {
    this(code, code.message());
  }

  public AuthException(ErrorCode code, String message) {
    this(code.status(), code, message);
  }

  /** For the few codes whose status differs by route (e.g. INVALID_TOKEN). */
  public AuthException(int status, ErrorCode code, String message) {
    super(message, null, false, false); // an expected outcome: no stack trace to fill
    this.code = code;
    this.status = status;
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }
}

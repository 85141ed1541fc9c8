package dev.betterauthjakarta.platform;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one domain exception. Thrown by rules and request parsing; {@link AuthExceptionMapper} writes
 * it as {@code {code, message}}. As an application exception it reaches the mapper unwrapped and
 * rolls the container transaction back, so nothing half-written stays.
 */
@ApplicationException(rollback = true)
public class AuthException extends RuntimeException {
  private final ErrorCode code;
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();

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

  /** A header the answer carries too (e.g. {@code X-Retry-After} on a 429). */
  public AuthException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The extra headers of the answer, in the order they were added. */
  public Map<String, String> headers() {
    return java.util.Collections.unmodifiableMap(headers);
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }
}

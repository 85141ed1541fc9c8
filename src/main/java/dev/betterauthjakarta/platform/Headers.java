package dev.betterauthjakarta.platform;

/** Header names Better Auth's clients read that JAX-RS has no constant for. */
public final class Headers {
  /** Carries the signed session token out, readable by browser code across origins. */
  public static final String SET_AUTH_TOKEN = "set-auth-token";

  /** Seconds until a refused request may be retried (Better Auth's rate limiter's header). */
  public static final String RETRY_AFTER = "X-Retry-After";

  /** CORS: the response headers browser code may read. */
  public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

  private Headers() {}
}

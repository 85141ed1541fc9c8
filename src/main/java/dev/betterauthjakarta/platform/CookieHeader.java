package dev.betterauthjakarta.platform;

/**
 * A {@code Set-Cookie} header value as Better Auth writes it: {@code name=value; Max-Age=n; Path=/;
 * HttpOnly; SameSite=Lax} (plus {@code Secure} over https), without the {@code Version=1} attribute
 * that JAX-RS's {@code NewCookie} adds.
 */
public final class CookieHeader {
  private CookieHeader() {}

  /**
   * The header value.
   *
   * @param name the cookie's name
   * @param value the value, already encoded for a cookie (no {@code ;}, {@code ,} or spaces)
   * @param maxAgeSeconds lifetime in seconds, 0 to delete the cookie, or negative for a browser
   *     session cookie (no {@code Max-Age})
   * @param secure whether to add {@code Secure}
   */
  public static String of(String name, String value, long maxAgeSeconds, boolean secure) {
    StringBuilder header = new StringBuilder(name).append('=').append(value);
    if (maxAgeSeconds >= 0) {
      header.append("; Max-Age=").append(maxAgeSeconds);
    }
    header.append("; Path=/; HttpOnly; SameSite=Lax");
    if (secure) {
      header.append("; Secure");
    }
    return header.toString();
  }
}

package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.ClientAddresses;
import dev.betterauthjakarta.platform.SafeText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Where a sign-in came from, recorded on the session for the user to review. Both values are
 * cleaned of control characters and unpaired surrogates ({@link SafeText#clean}) and cut to 512
 * characters: they are informational, so an odd header costs the client nothing but the odd part.
 */
public record ClientInfo(String ipAddress, String userAgent, String trustedDevice) {
  private static final int MAX = 512;

  /** Better Auth's trusted-device cookie name (without the {@code __Secure-} prefix). */
  public static final String TRUST_DEVICE_COOKIE = "better-auth.trust_device";

  /** The client without a trusted-device cookie. */
  public ClientInfo(String ipAddress, String userAgent) {
    this(ipAddress, userAgent, null);
  }

  /**
   * The client of a request: address, agent and the raw value of Better Auth's {@code
   * better-auth.trust_device} cookie (or its {@code __Secure-} form), which the two-factor feature
   * checks; null without one.
   */
  public static ClientInfo from(HttpHeaders headers, HttpServletRequest request) {
    // The address the rate limiter and the audit trail see: X-Forwarded-For counts only when a
    // trusted proxy sent it (ClientAddresses), so a session's ipAddress cannot be made up.
    String ip = ClientAddresses.of(request);
    String agent = headers.getHeaderString(HttpHeaders.USER_AGENT);
    var trust = headers.getCookies().get(TRUST_DEVICE_COOKIE);
    if (trust == null) {
      trust = headers.getCookies().get("__Secure-" + TRUST_DEVICE_COOKIE);
    }
    String device = trust == null || trust.getValue().length() > MAX ? null : trust.getValue();
    return new ClientInfo(clip(ip), clip(agent == null ? "" : agent), device);
  }

  private static String clip(String s) {
    String clean = SafeText.clean(s);
    if (clean.length() > MAX) {
      clean = clean.substring(0, MAX);
      if (Character.isHighSurrogate(clean.charAt(MAX - 1))) {
        clean = clean.substring(0, MAX - 1); // never cut a pair in two
      }
    }
    return clean;
  }
}

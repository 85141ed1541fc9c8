package dev.betterauthjakarta.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;

/** Where a sign-in came from, recorded on the session for the user to review. */
public record ClientInfo(String ipAddress, String userAgent) {
  private static final int MAX = 512;

  public static ClientInfo from(HttpHeaders headers, HttpServletRequest request) {
    // The first X-Forwarded-For entry is the client as the outermost proxy saw it. It is only
    // informational here (no decision depends on it), so a spoofed value does no harm.
    String forwarded = headers.getHeaderString("X-Forwarded-For");
    String ip =
        forwarded != null && !forwarded.isBlank()
            ? forwarded.split(",")[0].trim()
            : request == null ? "" : request.getRemoteAddr();
    String agent = headers.getHeaderString(HttpHeaders.USER_AGENT);
    return new ClientInfo(clip(ip), clip(agent == null ? "" : agent));
  }

  private static String clip(String s) {
    return s.length() > MAX ? s.substring(0, MAX) : s;
  }
}

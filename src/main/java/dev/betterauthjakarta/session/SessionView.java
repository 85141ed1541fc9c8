package dev.betterauthjakarta.session;

import java.time.Instant;

/**
 * The session on the wire. {@code token} is the caller's own raw token on get-session; where Better
 * Auth would list other live tokens this service puts the stored hash instead.
 */
public record SessionView(
    String id,
    String token,
    String userId,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt,
    String ipAddress,
    String userAgent,
    String impersonatedBy) {

  public static SessionView from(Session s, String token) {
    return new SessionView(
        s.getId(),
        token,
        s.getUserId(),
        s.getExpiresAt(),
        s.getCreatedAt(),
        s.getUpdatedAt(),
        s.getIpAddress(),
        s.getUserAgent(),
        s.getImpersonatedBy());
  }
}

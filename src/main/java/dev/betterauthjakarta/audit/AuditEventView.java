package dev.betterauthjakarta.audit;

import jakarta.json.JsonObject;
import java.time.Instant;

/** An audit event on the wire ({@code GET /admin/list-audit-events}). */
public record AuditEventView(
    String id,
    Instant createdAt,
    String action,
    String actorUserId,
    String impersonatorUserId,
    String targetUserId,
    String ipAddress,
    String userAgent,
    JsonObject changes) {

  static AuditEventView from(AuditEvent e) {
    return new AuditEventView(
        e.getId(),
        e.getCreatedAt(),
        e.getAction(),
        e.getActorUserId(),
        e.getImpersonatorUserId(),
        e.getTargetUserId(),
        e.getIpAddress(),
        e.getUserAgent(),
        e.getChanges());
  }
}

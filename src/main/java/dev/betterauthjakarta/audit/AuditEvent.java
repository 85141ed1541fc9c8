package dev.betterauthjakarta.audit;

import dev.betterauthjakarta.platform.StoredJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of the append-only {@code "auditEvent"} table. Every column is insert-only; the database
 * refuses updates too (V3's trigger).
 */
@Entity
@Table(name = "auditEvent")
@NamedQuery(
    name = AuditEvent.DELETE_BEFORE,
    query = "delete from AuditEvent e where e.createdAt < :cutoff")
public class AuditEvent {
  static final String DELETE_BEFORE = "AuditEvent.deleteBefore";

  @Id
  @Column(updatable = false)
  private String id;

  @Column(updatable = false)
  private Instant createdAt;

  @Column(updatable = false)
  private String action;

  @Column(updatable = false)
  private String actorUserId;

  @Column(updatable = false)
  private String impersonatorUserId;

  @Column(updatable = false)
  private String targetUserId;

  @Column(updatable = false)
  private String ipAddress;

  @Column(updatable = false)
  private String userAgent;

  /**
   * The jsonb column as its JSON text ({@link StoredJson}: the mapping both JPA providers share).
   */
  @Column(name = "changes", updatable = false)
  private String changes;

  protected AuditEvent() {}

  AuditEvent(
      String id,
      Instant createdAt,
      String action,
      Actor actor,
      String targetUserId,
      String ipAddress,
      String userAgent,
      JsonObject changes) {
    this.id = id;
    this.createdAt = createdAt;
    this.action = action;
    this.actorUserId = actor.userId();
    this.impersonatorUserId = actor.impersonatorUserId();
    this.targetUserId = targetUserId;
    this.ipAddress = ipAddress;
    this.userAgent = userAgent;
    this.changes = StoredJson.write(changes);
  }

  public String getId() {
    return id;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getAction() {
    return action;
  }

  public String getActorUserId() {
    return actorUserId;
  }

  public String getImpersonatorUserId() {
    return impersonatorUserId;
  }

  public String getTargetUserId() {
    return targetUserId;
  }

  public String getIpAddress() {
    return ipAddress;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public JsonObject getChanges() {
    JsonObject value = StoredJson.read(changes);
    return value == null ? JsonValue.EMPTY_JSON_OBJECT : value;
  }
}

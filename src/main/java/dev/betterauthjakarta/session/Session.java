package dev.betterauthjakarta.session;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A row of Better Auth's {@code "session"} table; {@code token} holds the token's SHA-256. */
@Entity
@Table(name = "session")
@NamedQuery(name = Session.BY_TOKEN_HASH, query = "select s from Session s where s.token = :token")
// Read-only (EclipseLink's and Hibernate's hint): the rows are not tracked for changes. The hints
// sit here, not on the query object, because setting a hint on a named query makes EclipseLink copy
// and prepare it again on every call.
@NamedQuery(
    name = Session.WITH_USER_BY_TOKEN_HASH,
    query = "select s, u from Session s, User u where s.token = :token and u.id = s.userId",
    hints = {
      @QueryHint(name = "eclipselink.read-only", value = "true"),
      @QueryHint(name = "org.hibernate.readOnly", value = "true")
    })
@NamedQuery(name = Session.DELETE_BY_USER, query = "delete from Session s where s.userId = :userId")
@NamedQuery(
    name = Session.DELETE_OTHERS_OF_USER,
    query = "delete from Session s where s.userId = :userId and s.id <> :keep")
@NamedQuery(
    name = Session.DELETE_BY_USER_AND_TOKEN,
    query = "delete from Session s where s.userId = :userId and s.token = :token")
@NamedQuery(
    name = Session.ALL_OF_USER,
    query = "select s from Session s where s.userId = :userId order by s.createdAt, s.id")
@NamedQuery(
    name = Session.ACTIVE_OF_USER,
    query =
        "select s from Session s where s.userId = :userId and s.expiresAt > :now"
            + " and s.impersonatedBy is null order by s.createdAt, s.id")
public class Session {
  public static final String BY_TOKEN_HASH = "Session.byTokenHash";

  /**
   * The session a token hash names together with its user, in one query: {@code [Session, User]}.
   */
  public static final String WITH_USER_BY_TOKEN_HASH = "Session.withUserByTokenHash";

  public static final String DELETE_BY_USER = "Session.deleteByUser";
  public static final String DELETE_OTHERS_OF_USER = "Session.deleteOthersOfUser";
  public static final String DELETE_BY_USER_AND_TOKEN = "Session.deleteByUserAndToken";
  public static final String ACTIVE_OF_USER = "Session.activeOfUser";
  public static final String ALL_OF_USER = "Session.allOfUser";

  @Id private String id;
  private Instant expiresAt;
  private String token;
  private Instant createdAt;
  private Instant updatedAt;
  private String ipAddress;
  private String userAgent;
  private String userId;
  private String impersonatedBy;

  protected Session() {}

  public Session(
      String id,
      String tokenHash,
      String userId,
      Instant now,
      Instant expiresAt,
      String ipAddress,
      String userAgent) {
    this.id = id;
    this.token = tokenHash;
    this.userId = userId;
    this.createdAt = now;
    this.updatedAt = now;
    this.expiresAt = expiresAt;
    this.ipAddress = ipAddress;
    this.userAgent = userAgent;
  }

  /**
   * An administrator's session as {@code userId} (Better Auth's impersonation): it names the
   * administrator, and its short, fixed lifetime is never extended.
   */
  public static Session impersonation(
      String id,
      String tokenHash,
      String userId,
      String adminId,
      Instant now,
      Instant expiresAt,
      String ipAddress,
      String userAgent) {
    Session s = new Session(id, tokenHash, userId, now, expiresAt, ipAddress, userAgent);
    s.impersonatedBy = adminId;
    return s;
  }

  /**
   * Whether the session is fresh enough for sensitive changes: created less than {@code freshAge}
   * ago, or always when {@code freshAge} is zero (Better Auth's freshAge).
   */
  public boolean isFreshAt(Instant now, java.time.Duration freshAge) {
    return freshAge.isZero() || getCreatedAt().plus(freshAge).isAfter(now);
  }

  public boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /**
   * A session signed in with {@code rememberMe: false} lives a short, fixed time and is never
   * extended. Better Auth remembers that in a cookie; a bearer client has none, so it is read off
   * the row: only such a session was created with a lifetime at most the short one.
   */
  public boolean isShortLived(Duration shortLifetime) {
    return isShortLived(createdAt, expiresAt, shortLifetime);
  }

  static boolean isShortLived(Instant createdAt, Instant expiresAt, Duration shortLifetime) {
    return !expiresAt.isAfter(createdAt.plus(shortLifetime));
  }

  /** Better Auth's sliding refresh: extend once the last extension is updateAge old. */
  public boolean isDueForRefresh(Instant now, Duration expiresIn, Duration updateAge) {
    return !expiresAt.minus(expiresIn).plus(updateAge).isAfter(now);
  }

  public void extend(Instant now, Duration expiresIn) {
    expiresAt = now.plus(expiresIn);
    updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public String getToken() {
    return token;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getIpAddress() {
    return ipAddress;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public String getUserId() {
    return userId;
  }

  public String getImpersonatedBy() {
    return impersonatedBy;
  }
}

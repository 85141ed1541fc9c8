package dev.betterauthjakarta.verification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of Better Auth's {@code "verification"} table: a single-use token. The identifier is {@code
 * <purpose>:<SHA-256 of the token>}, so the raw token exists only in the mailed link.
 */
@Entity
@Table(name = "verification")
@NamedQuery(
    name = Verification.BY_IDENTIFIERS,
    query = "select v from Verification v where v.identifier in :identifiers")
public class Verification {
  public static final String BY_IDENTIFIERS = "Verification.byIdentifiers";

  @Id private String id;
  private String identifier;
  private String value;
  private Instant expiresAt;
  private Instant createdAt;
  private Instant updatedAt;

  protected Verification() {}

  public Verification(String id, String identifier, String value, Instant now, Instant expiresAt) {
    this.id = id;
    this.identifier = identifier;
    this.value = value;
    this.createdAt = now;
    this.updatedAt = now;
    this.expiresAt = expiresAt;
  }

  public boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** The purpose part of the identifier ({@code <purpose>:<hash>}). */
  public String purpose() {
    int colon = identifier.lastIndexOf(':');
    return colon < 0 ? identifier : identifier.substring(0, colon);
  }

  public String getValue() {
    return value;
  }
}

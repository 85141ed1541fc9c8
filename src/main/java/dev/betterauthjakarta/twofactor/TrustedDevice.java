package dev.betterauthjakarta.twofactor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A browser the user chose to trust ("don't ask again here" for 30 days): the id is the SHA-256 of
 * the token in its signed {@code better-auth.trust_device} cookie. All of a user's trusted devices
 * are forgotten when the password changes or two-factor authentication is disabled.
 */
@Entity
@Table(name = "twoFactorTrustedDevice")
@NamedQuery(
    name = TrustedDevice.DELETE_BY_USER,
    query = "delete from TrustedDevice d where d.userId = :userId")
public class TrustedDevice {
  static final String DELETE_BY_USER = "TrustedDevice.deleteByUser";

  @Id private String id;
  private String userId;
  private Instant expiresAt;
  private Instant createdAt;

  protected TrustedDevice() {}

  TrustedDevice(String id, String userId, Instant now, Instant expiresAt) {
    this.id = id;
    this.userId = userId;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  boolean trusts(String user, Instant now) {
    return userId.equals(user) && expiresAt.isAfter(now);
  }
}

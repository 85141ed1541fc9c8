package dev.betterauthjakarta.twofactor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of Better Auth's {@code "twoFactor"} table: one per user, holding the TOTP secret (sealed
 * with {@link dev.betterauthjakarta.platform.SecretCipher}; Better Auth's encrypted value opens
 * too) and the backup codes (sealed list of SHA-256 hashes; Better Auth's encrypted list of plain
 * codes is read and replaced by hashes on the first use). {@code verified} false means enrolled but
 * not yet confirmed by a code. Changed only under the user's row lock.
 */
@Entity
@Table(name = "twoFactor")
@NamedQuery(name = TwoFactor.BY_USER, query = "select t from TwoFactor t where t.userId = :userId")
@NamedQuery(
    name = TwoFactor.DELETE_BY_USER,
    query = "delete from TwoFactor t where t.userId = :userId")
public class TwoFactor {
  static final String BY_USER = "TwoFactor.byUser";
  static final String DELETE_BY_USER = "TwoFactor.deleteByUser";
  private static final int LOCK_AFTER = 10;

  @Id private String id;
  private String secret;
  private String backupCodes;
  private String userId;
  private Boolean verified;
  private Integer failedVerificationCount;
  private Instant lockedUntil;
  private Long lastUsedStep;

  protected TwoFactor() {}

  TwoFactor(String id, String userId, String sealedSecret, String sealedCodes) {
    this.id = id;
    this.userId = userId;
    this.secret = sealedSecret;
    this.backupCodes = sealedCodes;
    this.verified = false;
    this.failedVerificationCount = 0;
  }

  /** A new secret and codes; a confirmed enrolment stays confirmed (as Better Auth does). */
  void replace(String sealedSecret, String sealedCodes) {
    secret = sealedSecret;
    backupCodes = sealedCodes;
    verified = isVerified();
    lastUsedStep = null;
  }

  void replaceBackupCodes(String sealedCodes) {
    backupCodes = sealedCodes;
  }

  /** Pre-existing rows (Better Auth before 1.6.10, or null) count as verified. */
  boolean isVerified() {
    return verified == null || verified;
  }

  void confirm() {
    verified = true;
  }

  /** Records the TOTP step just accepted, so its code cannot be used again. */
  void usedStep(long step) {
    lastUsedStep = step;
  }

  boolean isLockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /** A failed sign-in verification; the 10th in a row locks for 15 minutes. */
  void failed(Instant now) {
    int count = (failedVerificationCount == null ? 0 : failedVerificationCount) + 1;
    if (count >= LOCK_AFTER) {
      lockedUntil = now.plusSeconds(15 * 60);
      count = 0;
    }
    failedVerificationCount = count;
  }

  void succeeded() {
    failedVerificationCount = 0;
    lockedUntil = null;
  }

  String getSecret() {
    return secret;
  }

  String getBackupCodes() {
    return backupCodes;
  }

  String getUserId() {
    return userId;
  }

  Long getLastUsedStep() {
    return lastUsedStep;
  }
}

package dev.betterauthjakarta.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code "signInLockout"}: the password attempts counted for one account ({@code
 * user:<id>}) or one identifier no account has ({@code email:<address>}), changed only by {@link
 * LockoutPolicy}.
 */
@Entity
@Table(name = "signInLockout")
@NamedQuery(name = LockoutState.DELETE, query = "delete from LockoutState s where s.lockKey = :key")
public class LockoutState {
  static final String DELETE = "LockoutState.delete";

  @Id
  @Column(name = "key")
  private String lockKey;

  private int failures;
  private Instant lastFailureAt;
  private Instant lockedUntil;
  private Instant notifiedAt;

  protected LockoutState() {}

  /** A fresh state, for the policy's unit tests. */
  LockoutState(String key) {
    this.lockKey = key;
  }

  void count(Instant now) {
    failures++;
    lastFailureAt = now;
  }

  void forget() {
    failures = 0;
    lockedUntil = null;
  }

  void lock(Instant until) {
    lockedUntil = until;
  }

  void notified(Instant now) {
    notifiedAt = now;
  }

  public String key() {
    return lockKey;
  }

  public int failures() {
    return failures;
  }

  public Instant lastFailureAt() {
    return lastFailureAt;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public Instant notifiedAt() {
    return notifiedAt;
  }
}

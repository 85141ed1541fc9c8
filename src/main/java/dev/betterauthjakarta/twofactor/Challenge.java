package dev.betterauthjakarta.twofactor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A second factor being asked for: a pending sign-in (no session yet; the id is the SHA-256 of the
 * handle the client holds in the two_factor cookie or the X-Two-Factor-Token header), or a
 * signed-in user's emailed code ({@code sessionId} set). Failed codes count in {@code attempts};
 * the fifth ends it.
 */
@Entity
@Table(name = "twoFactorChallenge")
@NamedQuery(
    name = Challenge.DELETE_BY_USER,
    query = "delete from Challenge c where c.userId = :userId")
public class Challenge {
  static final String DELETE_BY_USER = "Challenge.deleteByUser";
  static final int MAX_ATTEMPTS = 5;

  @Id private String id;
  private String userId;
  private String sessionId;
  private boolean rememberMe;
  private int attempts;
  private String otpHash;
  private Instant otpExpiresAt;
  private Instant expiresAt;
  private Instant createdAt;

  protected Challenge() {}

  Challenge(
      String id,
      String userId,
      String sessionId,
      boolean rememberMe,
      Instant now,
      Instant expiresAt) {
    this.id = id;
    this.userId = userId;
    this.sessionId = sessionId;
    this.rememberMe = rememberMe;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** One more failed code; true when that used up the budget. */
  boolean failed() {
    attempts++;
    return attempts >= MAX_ATTEMPTS;
  }

  boolean isExhausted() {
    return attempts >= MAX_ATTEMPTS;
  }

  void newOtp(String hash, Instant expires) {
    otpHash = hash;
    otpExpiresAt = expires;
    if (expires.isAfter(expiresAt)) {
      expiresAt = expires;
    }
  }

  void otpUsed() {
    otpHash = null;
    otpExpiresAt = null;
  }

  String getId() {
    return id;
  }

  String getUserId() {
    return userId;
  }

  String getSessionId() {
    return sessionId;
  }

  boolean isRememberMe() {
    return rememberMe;
  }

  String getOtpHash() {
    return otpHash;
  }

  Instant getOtpExpiresAt() {
    return otpExpiresAt;
  }
}

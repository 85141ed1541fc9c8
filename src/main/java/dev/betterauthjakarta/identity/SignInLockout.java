package dev.betterauthjakarta.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Keeps {@link LockoutPolicy}'s counts in {@code "signInLockout"}, one row per key, locked while it
 * changes, so attempts on any instance count together. An account is counted under {@code
 * user:<id>} whichever identifier names it; an identifier no account has is counted under itself,
 * with the same rules, so the answers (401, then 429 with the same waits) never tell whether an
 * account exists.
 */
@Stateless
public class SignInLockout {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject LockoutSettings settings;

  /**
   * The key of an attempt: the account's when it exists, else the identifier as typed and
   * normalised ({@code email:ada@example.com}, {@code username:ada}).
   */
  public static String keyFor(Optional<String> userId, String identifier) {
    return userId.map(id -> "user:" + id).orElse(identifier);
  }

  /**
   * Counts an attempt, before its password is checked, or refuses it (locked, or too soon after the
   * previous one). In a transaction of its own when the caller has none, so the count stands
   * whatever happens next.
   */
  public LockoutPolicy.Admission admit(String key) {
    if (!settings.enabled()) {
      return new LockoutPolicy.Admission.Allowed();
    }
    return settings.policy().admit(lock(key), now());
  }

  /** The counted attempt failed: the lock may engage. Joins the caller's transaction. */
  public LockoutPolicy.Failure failed(String key) {
    if (!settings.enabled()) {
      return new LockoutPolicy.Failure(false, false);
    }
    return settings.policy().failed(lock(key), now());
  }

  /** A correct password, or a new one for the user: the count and any lock end. */
  public void succeeded(String key) {
    em.createNamedQuery(LockoutState.DELETE).setParameter("key", key).executeUpdate();
  }

  /** A new password for the user (reset, change, set, an administrator) ends its lockout. */
  public void clear(String userId) {
    succeeded(keyFor(Optional.of(userId), null));
  }

  private LockoutState lock(String key) {
    // "do update", not "do nothing": the statement locks the row it found, so a correct password
    // deleting it in between cannot leave this transaction without a row (seen in
    // CredentialChangeIT's sign-in races).
    em.createNativeQuery(
            "insert into \"signInLockout\" (\"key\", \"failures\") values (?1, 0) on conflict"
                + " (\"key\") do update set \"failures\" = \"signInLockout\".\"failures\"")
        .setParameter(1, key)
        .executeUpdate();
    return em.find(LockoutState.class, key, LockModeType.PESSIMISTIC_WRITE);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

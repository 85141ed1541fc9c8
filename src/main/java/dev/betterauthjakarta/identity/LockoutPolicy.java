package dev.betterauthjakarta.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * The per-account lockout of password sign-in, as pure rules over {@link LockoutState}. Every
 * attempt is counted before its password is checked (a burst of parallel guesses cannot all slip in
 * before the first failure is written) and a correct password deletes the count. From {@code
 * delayAfter} unsuccessful attempts on, each further attempt must wait longer after the previous
 * one (1 s, 2 s, 4 s, ... at most a minute); from {@code lockAfter} on, a failure locks password
 * sign-in for {@code lockDuration}, and each failure after a lock locks it again. The lock is short
 * because whoever can guess the address can cause it: it slows an attacker to one guess per lock,
 * while the owner can end it at once with a password reset. Counts idle for {@code forgetAfter} are
 * forgotten.
 */
public record LockoutPolicy(
    int delayAfter, int lockAfter, Duration lockDuration, Duration forgetAfter) {
  private static final Duration MAX_DELAY = Duration.ofMinutes(1);
  private static final Duration NOTIFY_AT_MOST_EVERY = Duration.ofDays(1);

  /** The answer to an attempt: go ahead, or wait this long. */
  public sealed interface Admission {
    record Allowed() implements Admission {}

    record Refused(Duration retryAfter) implements Admission {}
  }

  /** What a failed attempt changed: whether it locked the account and the owner is to be told. */
  public record Failure(boolean locked, boolean notifyOwner) {}

  /** The wait required after the previous attempt when {@code failures} are counted. */
  Duration delayFor(int failures) {
    if (failures < delayAfter) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - delayAfter, 20);
    Duration delay = Duration.ofSeconds(1L << doublings);
    Duration cap = lockDuration.compareTo(MAX_DELAY) < 0 ? lockDuration : MAX_DELAY;
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  /** Decides on an attempt and, when it may go ahead, counts it. */
  public Admission admit(LockoutState state, Instant now) {
    boolean locked = state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    if (!locked
        && state.lastFailureAt() != null
        && !now.isBefore(state.lastFailureAt().plus(forgetAfter))) {
      state.forget();
    }
    if (locked) {
      return new Admission.Refused(Duration.between(now, state.lockedUntil()));
    }
    Duration delay = delayFor(state.failures());
    if (!delay.isZero() && state.lastFailureAt() != null) {
      Instant next = state.lastFailureAt().plus(delay);
      if (now.isBefore(next)) {
        return new Admission.Refused(Duration.between(now, next));
      }
    }
    state.count(now);
    return new Admission.Allowed();
  }

  /** The counted attempt's password was wrong: locks from {@code lockAfter} on. */
  public Failure failed(LockoutState state, Instant now) {
    if (state.failures() < lockAfter) {
      return new Failure(false, false);
    }
    state.lock(now.plus(lockDuration));
    boolean notify =
        state.notifiedAt() == null || !now.isBefore(state.notifiedAt().plus(NOTIFY_AT_MOST_EVERY));
    if (notify) {
      state.notified(now);
    }
    return new Failure(true, notify);
  }

  /** Whole seconds to tell the client, rounded up, at least 1. */
  public static long seconds(Duration d) {
    long s = (d.toMillis() + 999) / 1000;
    return Math.max(1, s);
  }
}

package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.Metrics;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * New passwords are hashed with argon2id (or Better Auth's scrypt while a Better Auth server shares
 * the database); both formats verify, and a hash in the format not being written is flagged for an
 * upgrade at the next successful sign-in.
 *
 * <p>Sign-in verification costs the same whatever the account: an unknown user, a user without a
 * password, an argon2id user and a scrypt user each do one verification in every format the
 * database may hold (the real one plus dummies), so the time of a sign-in tells nothing about which
 * accounts exist or how old their hash is.
 *
 * <p>At most one hash per processor runs at a time; further ones wait their turn (first come, first
 * served). A hash is pure CPU and 19 MiB of memory, so running more at once only slows each of them
 * down and multiplies the heap they need: 32 concurrent sign-ins on one core once took 600 MiB of
 * heap and starved every other request. Callers hash before they take a connection or a lock, so
 * the wait holds neither.
 */
@ApplicationScoped
public class PasswordHasher {
  /** Better Auth's shortest password, in UTF-16 code units as JavaScript counts. */
  public static final int MIN_LENGTH = 8;

  /** Better Auth's longest password, in UTF-16 code units. */
  public static final int MAX_LENGTH = 128;

  /** Fixed hashes to verify against when there is nothing else, so misses cost the same time. */
  private static final String DUMMY_ARGON2 = Argon2id.hash("no account has this password");

  private static final String DUMMY_SCRYPT = BetterAuthScrypt.hash("no account has this password");

  /**
   * One permit per processor the JVM may use (its CPU affinity or container quota), counted when
   * the first hash runs rather than at deployment.
   */
  private static final class Gate {
    static final Semaphore HASHING =
        new Semaphore(Runtime.getRuntime().availableProcessors(), true);
  }

  @Inject IdentitySettings settings;
  @Inject Metrics metrics;
  @PersistenceContext EntityManager em;

  private Timer argon2Hash;
  private Timer argon2Verify;
  private Timer scryptHash;
  private Timer scryptVerify;

  @PostConstruct
  void timers() {
    argon2Hash = metrics.passwordHashTimer("argon2id", "hash");
    argon2Verify = metrics.passwordHashTimer("argon2id", "verify");
    scryptHash = metrics.passwordHashTimer("scrypt", "hash");
    scryptVerify = metrics.passwordHashTimer("scrypt", "verify");
  }

  /** Whether scrypt hashes may be stored; null until first looked up, then only ever true. */
  private volatile Boolean scryptStored;

  /** The outcome of a verification: right or not, and whether to store a fresh hash. */
  public record Verdict(boolean matches, boolean needsRehash) {}

  /** A new hash of the password in the configured format (slow: tens to hundreds of ms). */
  public String hash(String password) {
    if (writesScrypt()) {
      scryptStored = true;
      return gated(scryptHash, () -> BetterAuthScrypt.hash(password));
    }
    return gated(argon2Hash, () -> Argon2id.hash(password));
  }

  /**
   * Checks a password against a stored hash of either format. An unknown format or a password over
   * {@link #MAX_LENGTH} never matches.
   */
  public Verdict verify(String password, String stored) {
    boolean writeScrypt = writesScrypt();
    if (password.length() > MAX_LENGTH) {
      return new Verdict(false, false);
    }
    if (Argon2id.isHash(stored)) {
      boolean ok = gated(argon2Verify, () -> Argon2id.verify(password, stored));
      return new Verdict(ok, ok && (writeScrypt || !Argon2id.hasCurrentParameters(stored)));
    }
    if (BetterAuthScrypt.isHash(stored)) {
      scryptStored = true;
      boolean ok = gated(scryptVerify, () -> BetterAuthScrypt.verify(password, stored));
      return new Verdict(ok, ok && !writeScrypt);
    }
    return new Verdict(false, false);
  }

  /**
   * Sign-in's verification, equal in cost for every case: the stored hash (if any) is verified, and
   * every other format the database may hold is verified against a dummy, so a missing account, a
   * missing password and each hash format take the same work.
   *
   * @param stored the user's stored hash, or empty for an unknown user or one without a password
   */
  public Verdict verifyForSignIn(String password, Optional<String> stored) {
    String candidate = password.length() > MAX_LENGTH ? "" : password;
    Verdict verdict = stored.map(s -> verify(password, s)).orElse(new Verdict(false, false));
    boolean argon2Done = stored.filter(Argon2id::isHash).isPresent();
    boolean scryptDone = stored.filter(BetterAuthScrypt::isHash).isPresent();
    if (!argon2Done) {
      gated(argon2Verify, () -> Argon2id.verify(candidate, DUMMY_ARGON2));
    }
    if (!scryptDone && isScryptStored()) {
      gated(scryptVerify, () -> BetterAuthScrypt.verify(candidate, DUMMY_SCRYPT));
    }
    return verdict;
  }

  /**
   * Whether scrypt hashes may be in the database: the configured format writes them, this service
   * has seen one, or one was stored before it started (looked up once).
   */
  private boolean isScryptStored() {
    Boolean known = scryptStored;
    if (known == null) {
      known =
          writesScrypt()
              || !em.createNativeQuery(
                      "select 1 from \"account\" where \"password\" ~ '^[0-9a-f]{32}:' limit 1")
                  .getResultList()
                  .isEmpty();
      if (known) {
        scryptStored = true; // only ever raised, so a racing lookup cannot lower it
      } else if (scryptStored == null) {
        scryptStored = false;
      }
    }
    return Boolean.TRUE.equals(scryptStored);
  }

  /**
   * Runs one hash when a processor is free for it (see the class comment) and records its time, the
   * wait for the processor excluded, in {@code timer}.
   */
  private static <T> T gated(Timer timer, Supplier<T> hash) {
    Gate.HASHING.acquireUninterruptibly();
    try {
      long start = System.nanoTime();
      T result = hash.get();
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return result;
    } finally {
      Gate.HASHING.release();
    }
  }

  private boolean writesScrypt() {
    return settings.passwordHashFormat() == PasswordHashFormat.BETTER_AUTH_SCRYPT;
  }
}

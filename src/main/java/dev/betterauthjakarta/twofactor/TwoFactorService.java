package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.SecretCipher;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.platform.Tokens;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Better Auth's two-factor plugin: enrolment (enable, confirmed by a first TOTP code), disable, the
 * TOTP URI, backup codes, emailed one-time codes, and the verify routes that finish a pending
 * sign-in or re-verify a signed-in user. Every change to one user's second factor runs under that
 * user's row lock, so a code, a backup code or a pending sign-in is used at most once even when
 * requests race.
 */
@Stateless
public class TwoFactorService {
  /** How long a trusted device is trusted (Better Auth's trustDeviceMaxAge). */
  public static final Duration TRUST_DEVICE = Duration.ofDays(30);

  /** How long an emailed code works (Better Auth's OTP period, 3 minutes). */
  static final Duration OTP_LIFETIME = Duration.ofMinutes(3);

  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The second factor a verify route checks. */
  public enum Method {
    TOTP,
    OTP,
    BACKUP_CODE
  }

  /** enable's answer: the URI and codes for TOTP, neither for OTP. */
  public record Enabled(String method, String totpURI, List<String> backupCodes) {}

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject AuditTrail audit;
  @Inject ServiceSettings service;
  @Inject TwoFactorSettings settings;
  @Inject Event<OutgoingMail> mails;

  // --- enrolment and management (signed in, password required) -----------------------------

  /**
   * {@code /two-factor/enable}. TOTP: a new secret and 10 backup codes, shown once; two-factor is
   * switched on only when a first code verifies (verify-totp with the session), unless the user had
   * already confirmed an enrolment. OTP: switched on at once (codes go to the verified mail).
   *
   * @throws AuthException 400 INVALID_PASSWORD, 401 UNAUTHORIZED when the session is gone
   */
  public Enabled enable(Caller caller, TwoFactorRequests.Enable request) {
    checkPassword(caller, request.password());
    User user = sessions.lockCaller(caller);
    if (request.byMail()) {
      user.enableTwoFactor(now());
      return new Enabled("otp", null, null);
    }
    String secret = newSecret();
    List<String> codes = BackupCodes.generate();
    SecretCipher cipher = service.secretCipher();
    String sealedSecret = cipher.seal(secret, secretContext(user.getId()));
    String sealedCodes =
        cipher.seal(BackupCodes.store(user.getId(), codes), codesContext(user.getId()));
    Optional<TwoFactor> row = find(user.getId());
    if (row.isPresent()) {
      row.get().replace(sealedSecret, sealedCodes);
    } else {
      em.persist(
          new TwoFactor(UUID.randomUUID().toString(), user.getId(), sealedSecret, sealedCodes));
    }
    String issuer = request.issuer() != null ? request.issuer() : settings.issuer();
    return new Enabled("totp", Totp.uri(secret, issuer, user.getEmail()), codes);
  }

  /**
   * {@code /two-factor/disable}: two-factor off, its secret and codes deleted, every pending
   * sign-in and trusted device of the user forgotten.
   *
   * @throws AuthException 400 INVALID_PASSWORD
   */
  public void disable(Caller caller, String password) {
    checkPassword(caller, password);
    User user = sessions.lockCaller(caller);
    user.disableTwoFactor(now());
    em.createNamedQuery(TwoFactor.DELETE_BY_USER)
        .setParameter("userId", user.getId())
        .executeUpdate();
    em.createNamedQuery(Challenge.DELETE_BY_USER)
        .setParameter("userId", user.getId())
        .executeUpdate();
    revokeTrustedDevices(user.getId());
  }

  /**
   * {@code /two-factor/get-totp-uri}: the enrolled secret's URI again.
   *
   * @throws AuthException 400 INVALID_PASSWORD, 400 TOTP_NOT_ENABLED
   */
  public String totpUri(Caller caller, String password) {
    checkPassword(caller, password);
    User user = sessions.lockCaller(caller);
    TwoFactor row =
        find(user.getId()).orElseThrow(() -> new AuthException(ErrorCode.TOTP_NOT_ENABLED));
    return Totp.uri(secretOf(row), settings.issuer(), user.getEmail());
  }

  /**
   * {@code /two-factor/generate-backup-codes}: ten new codes replace the old ones.
   *
   * @throws AuthException 400 INVALID_PASSWORD, 400 TWO_FACTOR_NOT_ENABLED
   */
  public List<String> generateBackupCodes(Caller caller, String password) {
    checkPassword(caller, password);
    User user = sessions.lockCaller(caller);
    TwoFactor row =
        find(user.getId())
            .filter(r -> user.isTwoFactorEnabled())
            .orElseThrow(() -> new AuthException(ErrorCode.TWO_FACTOR_NOT_ENABLED));
    List<String> codes = BackupCodes.generate();
    row.replaceBackupCodes(
        service
            .secretCipher()
            .seal(BackupCodes.store(user.getId(), codes), codesContext(user.getId())));
    return codes;
  }

  /** Revokes every trusted device of a user (password changed, two-factor disabled). */
  public void revokeTrustedDevices(String userId) {
    em.createNamedQuery(TrustedDevice.DELETE_BY_USER)
        .setParameter("userId", userId)
        .executeUpdate();
  }

  /** Ends every pending sign-in of a user (its password changed: they were made with the old). */
  public void endPendingSignIns(String userId) {
    em.createNativeQuery(
            "delete from \"twoFactorChallenge\" where \"userId\" = ?1 and \"sessionId\" is null")
        .setParameter(1, userId)
        .executeUpdate();
  }

  // --- codes ------------------------------------------------------------------------------

  /**
   * {@code /two-factor/send-otp}: mails a 6-digit code, valid 3 minutes, for the pending sign-in
   * (or for the signed-in caller). A new code replaces the previous one; failed attempts are not
   * reset.
   */
  public Outcome sendOtp(Optional<Caller> caller, Optional<String> handle) {
    Challenge challenge;
    User user;
    if (caller.isPresent()) {
      user = sessions.lockCaller(caller.get());
      String id = Tokens.hash("session:" + caller.get().sessionId());
      challenge = em.find(Challenge.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (challenge == null) {
        Instant now = now();
        challenge =
            new Challenge(
                id, user.getId(), caller.get().sessionId(), true, now, now.plus(OTP_LIFETIME));
        em.persist(challenge);
      }
    } else {
      Optional<Locked> pending = lockPending(handle);
      if (pending.isEmpty()) {
        return new Outcome.Refused(ErrorCode.INVALID_TWO_FACTOR_COOKIE);
      }
      challenge = pending.get().challenge();
      user = pending.get().user();
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    challenge.newOtp(otpHash(challenge.getId(), code), now().plus(OTP_LIFETIME));
    mails.fire(otpMail(user, code));
    return new Outcome.Done(Optional.empty(), null, UserView.from(user), Optional.empty(), false);
  }

  /**
   * verify-totp, verify-otp and verify-backup-code. With a session: checks the code for the caller
   * (a first TOTP code confirms the enrolment and switches two-factor on); no attempt budget, as in
   * Better Auth. Without: finishes the pending sign-in the handle names, once: a right code
   * consumes it and opens the session; each wrong code counts, the fifth kills it, and ten in a row
   * on one account lock its sign-in verifications for 15 minutes.
   *
   * @param handle the pending sign-in's raw handle (cookie, header or body)
   * @param trustDevice remember this browser for 30 days (pending sign-in only)
   * @param noSession backup code with disableSession: the sign-in ends without a session
   */
  public Outcome verify(
      Method method,
      Optional<Caller> caller,
      Optional<String> handle,
      String code,
      boolean trustDevice,
      boolean noSession,
      ClientInfo client) {
    if (caller.isPresent()) {
      return reverify(method, caller.get(), code);
    }
    Optional<Locked> pending = lockPending(handle);
    if (pending.isEmpty()) {
      return new Outcome.Refused(ErrorCode.INVALID_TWO_FACTOR_COOKIE);
    }
    Challenge challenge = pending.get().challenge();
    User user = pending.get().user();
    Instant now = now();
    if (user.checkBanAt(now)) {
      em.remove(challenge);
      return new Outcome.Refused(ErrorCode.BANNED_USER);
    }
    if (challenge.isExhausted()) {
      em.remove(challenge);
      return new Outcome.Refused(ErrorCode.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE);
    }
    Optional<TwoFactor> row = find(user.getId());
    if (row.isPresent() && row.get().isLockedAt(now)) {
      return new Outcome.Refused(ErrorCode.ACCOUNT_TEMPORARILY_LOCKED);
    }
    ErrorCode wrong =
        switch (method) {
          case TOTP -> checkTotp(row.filter(TwoFactor::isVerified), code, now);
          case OTP -> checkOtp(challenge, code, now);
          case BACKUP_CODE -> checkBackupCode(row, user.getId(), code);
        };
    if (wrong != null) {
      if (wrong == ErrorCode.TOTP_NOT_ENABLED
          || wrong == ErrorCode.BACKUP_CODES_NOT_ENABLED
          || wrong == ErrorCode.OTP_HAS_EXPIRED) {
        return new Outcome.Refused(wrong);
      }
      row.ifPresent(r -> r.failed(now));
      // Committed with the refusal (Outcome.Refused), like a wrong password's event.
      audit.record(
          AuditAction.SIGN_IN_FAILED,
          Actor.anonymous(),
          user.getId(),
          Changes.none().note("secondFactor", auditName(method)));
      if (challenge.failed()) {
        em.remove(challenge);
        return new Outcome.Refused(ErrorCode.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE);
      }
      return new Outcome.Refused(wrong);
    }
    row.ifPresent(TwoFactor::succeeded);
    em.remove(challenge); // single use: a second request with this handle finds nothing
    Optional<String> trust = Optional.empty();
    if (trustDevice) {
      String token = Tokens.generate();
      em.persist(new TrustedDevice(Tokens.hash(token), user.getId(), now, now.plus(TRUST_DEVICE)));
      trust = Optional.of(token);
    }
    Optional<IssuedSession> session =
        noSession
            ? Optional.empty()
            : Optional.of(sessions.issue(user, challenge.isRememberMe(), client));
    // The sign-in gate wrote no event when it stopped for this second factor: the sign-in
    // happens here.
    Changes changes = Changes.none().note("secondFactor", auditName(method));
    if (session.isPresent()) {
      changes = changes.note("sessionId", session.get().session().id());
    }
    audit.record(AuditAction.SIGN_IN, Actor.user(user.getId()), user.getId(), changes);
    return new Outcome.Done(session, null, UserView.from(user), trust, true);
  }

  /** The method's name in the audit trail: {@code totp}, {@code otp} or {@code backup-code}. */
  private static String auditName(Method method) {
    return method.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** A signed-in caller proves a second factor (enrolment or a step-up check). */
  private Outcome reverify(Method method, Caller caller, String code) {
    User user = sessions.lockCaller(caller);
    Instant now = now();
    Optional<TwoFactor> row = find(user.getId());
    ErrorCode wrong =
        switch (method) {
          case TOTP -> checkTotp(row, code, now);
          case BACKUP_CODE ->
              checkBackupCode(row.filter(r -> user.isTwoFactorEnabled()), user.getId(), code);
          case OTP -> {
            Challenge c =
                em.find(
                    Challenge.class,
                    Tokens.hash("session:" + caller.sessionId()),
                    LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
              yield ErrorCode.OTP_HAS_EXPIRED;
            }
            if (c.isExhausted()) {
              em.remove(c);
              yield ErrorCode.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE;
            }
            ErrorCode e = checkOtp(c, code, now);
            if (e == null) {
              em.remove(c);
            } else if (e == ErrorCode.INVALID_CODE && c.failed()) {
              em.remove(c);
              yield ErrorCode.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE;
            }
            yield e;
          }
        };
    if (wrong != null) {
      return new Outcome.Refused(wrong);
    }
    if (method == Method.TOTP) {
      TwoFactor r = row.orElseThrow();
      if (!r.isVerified() || !user.isTwoFactorEnabled()) {
        r.confirm(); // enrolment: the authenticator app holds the secret
        user.enableTwoFactor(now);
      }
    }
    return new Outcome.Done(
        Optional.empty(), caller.token(), UserView.from(user), Optional.empty(), false);
  }

  /** Null when the code is right (its step is then used up), else the error. */
  private ErrorCode checkTotp(Optional<TwoFactor> row, String code, Instant now) {
    if (row.isEmpty()) {
      return ErrorCode.TOTP_NOT_ENABLED;
    }
    TwoFactor r = row.get();
    OptionalLong step = Totp.verify(secretOf(r), code, now, r.getLastUsedStep());
    if (step.isEmpty()) {
      return ErrorCode.INVALID_CODE;
    }
    r.usedStep(step.getAsLong());
    return null;
  }

  private ErrorCode checkOtp(Challenge c, String code, Instant now) {
    if (c.getOtpHash() == null || !c.getOtpExpiresAt().isAfter(now)) {
      return ErrorCode.OTP_HAS_EXPIRED;
    }
    boolean same =
        MessageDigest.isEqual(
            c.getOtpHash().getBytes(StandardCharsets.US_ASCII),
            otpHash(c.getId(), code).getBytes(StandardCharsets.US_ASCII));
    if (!same) {
      return ErrorCode.INVALID_CODE;
    }
    c.otpUsed();
    return null;
  }

  private ErrorCode checkBackupCode(Optional<TwoFactor> row, String userId, String code) {
    if (row.isEmpty()) {
      return ErrorCode.BACKUP_CODES_NOT_ENABLED;
    }
    SecretCipher cipher = service.secretCipher();
    String stored = cipher.open(row.get().getBackupCodes(), codesContext(userId));
    Optional<String> rest = BackupCodes.use(userId, stored, code);
    if (rest.isEmpty()) {
      return ErrorCode.INVALID_BACKUP_CODE;
    }
    row.get().replaceBackupCodes(cipher.seal(rest.get(), codesContext(userId)));
    return null;
  }

  // --- pending sign-ins ------------------------------------------------------------------------

  private record Locked(Challenge challenge, User user) {}

  /**
   * The pending sign-in a handle names, with its user's row and then its own row locked (the same
   * order as every other change to the user, so no deadlock), or empty when it is unknown, expired,
   * or its user no longer has two-factor on.
   */
  private Optional<Locked> lockPending(Optional<String> handle) {
    if (handle.isEmpty() || handle.get().length() > 64) {
      return Optional.empty();
    }
    String id = Tokens.hash(handle.get());
    Challenge seen = em.find(Challenge.class, id);
    if (seen == null || seen.getSessionId() != null) {
      return Optional.empty();
    }
    Optional<User> user = identities.findLocked(seen.getUserId());
    em.detach(seen);
    Challenge challenge = em.find(Challenge.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (challenge == null || user.isEmpty()) {
      return Optional.empty();
    }
    if (challenge.isExpiredAt(now()) || !user.get().isTwoFactorEnabled()) {
      em.remove(challenge);
      return Optional.empty();
    }
    return Optional.of(new Locked(challenge, user.get()));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void checkPassword(Caller caller, String password) {
    try {
      identities.checkPassword(caller.userId(), password);
    } catch (AuthException e) {
      if (e.code() == ErrorCode.CREDENTIAL_ACCOUNT_NOT_FOUND) {
        throw new AuthException(ErrorCode.INVALID_PASSWORD); // as Better Auth answers
      }
      throw e;
    }
  }

  private Optional<TwoFactor> find(String userId) {
    return em.createNamedQuery(TwoFactor.BY_USER, TwoFactor.class)
        .setParameter("userId", userId)
        .getResultStream()
        .findFirst();
  }

  private String secretOf(TwoFactor row) {
    return service.secretCipher().open(row.getSecret(), secretContext(row.getUserId()));
  }

  private static String secretContext(String userId) {
    return "twoFactor:" + userId + ":secret";
  }

  private static String codesContext(String userId) {
    return "twoFactor:" + userId + ":backupCodes";
  }

  private static String otpHash(String challengeId, String code) {
    return Tokens.hash(challengeId + ":" + (code == null ? "" : code));
  }

  private static String newSecret() {
    StringBuilder s = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      s.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
    }
    return s.toString();
  }

  private static OutgoingMail otpMail(User user, String code) {
    String text =
        "Your sign-in code is "
            + code
            + ". It works once, for 3 minutes.\n\nIf you did not try to sign in, change your"
            + " password: someone knows it.";
    String html =
        "<p>Your sign-in code is <strong>"
            + code
            + "</strong>. It works once, for 3 minutes.</p><p>If you did not try to sign in,"
            + " change your password: someone knows it.</p>";
    return new OutgoingMail(user.getEmail(), "Your sign-in code", text, html);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

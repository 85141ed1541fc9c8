package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.CredentialSnapshot;
import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.IdentitySettings;
import dev.betterauthjakarta.identity.LockoutPolicy;
import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.identity.SignInLockout;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.identity.Usernames;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Headers;
import dev.betterauthjakarta.platform.Metrics;
import dev.betterauthjakarta.platform.Metrics.SignInMethod;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.verification.EmailVerificationService;
import dev.betterauthjakarta.verification.EmailVerificationSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Email and password: sign-up, and sign-in by email or username. */
@Stateless
public class SignInService {
  private static final int ATTEMPTS = 3;

  @Inject Clock clock;
  @Inject IdentitySettings identitySettings;
  @Inject EmailVerificationSettings verificationSettings;
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject PasswordHasher passwords;
  @Inject EmailVerificationService emailVerification;
  @Inject SignInCompletion completion;
  @Inject SignInLockout lockout;
  @Inject AuditTrail audit;
  @Inject Metrics metrics;

  /**
   * Creates the user, its credential account and a first session, or nothing at all. When email
   * verification is required there is no session until the address is verified, and a taken address
   * gets the same answer as a new one (with a user that was never stored), so sign-up does not
   * reveal who has an account.
   *
   * @throws AuthException 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL, 400 username errors
   */
  public SignInOutcome.SignedIn signUp(SignUpRequest request, ClientInfo client) {
    NewUser newUser = request.newUser();
    boolean verifyFirst = identitySettings.requireEmailVerification();
    String hash = passwords.hash(request.password()); // first: a taken address costs the same time
    if (verifyFirst && identities.isEmailTaken(newUser.email())) {
      User unsaved = new User(UUID.randomUUID().toString(), newUser, now());
      return new SignInOutcome.SignedIn(Optional.empty(), UserView.from(unsaved));
    }
    User user = identities.create(newUser, hash);
    audit.record(
        AuditAction.SIGN_UP,
        Actor.user(user.getId()),
        user.getId(),
        Changes.created(user.auditState()));
    if (verificationSettings.sendOnSignUp()) {
      emailVerification.send(user, request.callback());
    }
    metrics.signUp(SignInMethod.PASSWORD);
    return new SignInOutcome.SignedIn(
        verifyFirst
            ? Optional.empty()
            : Optional.of(sessions.issue(user, request.remembered(), client)),
        UserView.from(user));
  }

  /** Sign-in by (case-insensitive) email; see {@link #signIn}. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public SignInOutcome signInWithEmail(SignInRequest request, ClientInfo client) {
    String email = Emails.normalize(request.email());
    return signIn(
        () -> identities.snapshot(identities.findByEmail(email)),
        "email:" + email,
        request.password(),
        request.remembered(),
        client,
        ErrorCode.INVALID_EMAIL_OR_PASSWORD);
  }

  /**
   * Sign-in by username; see {@link #signIn}.
   *
   * @throws AuthException 422 USERNAME_TOO_SHORT / USERNAME_TOO_LONG / INVALID_USERNAME for a
   *     username that cannot exist
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public SignInOutcome signInWithUsername(UsernameSignInRequest request, ClientInfo client) {
    String username = Usernames.normalizeForLookup(request.username());
    return signIn(
        () -> identities.snapshot(identities.findByUsername(username)),
        "username:" + username,
        request.password(),
        request.remembered(),
        client,
        ErrorCode.INVALID_USERNAME_OR_PASSWORD);
  }

  /**
   * Verifies the password outside any transaction (no connection or lock is held during the slow
   * hash), then completes in one short locked transaction ({@link SignInCompletion}). An unknown
   * user, a user without a password and a wrong password all get the same 401 after the same
   * hashing work ({@link PasswordHasher#verifyForSignIn}), so neither the answer nor its timing
   * tells which accounts exist. Ban and verification are checked only after the password, so only
   * the owner learns of them. When the password changed between the read and the lock (a reset, or
   * another sign-in upgrading the hash), the sign-in starts over, at most {@value #ATTEMPTS} times.
   */
  private SignInOutcome signIn(
      Supplier<Optional<CredentialSnapshot>> read,
      String identifier,
      String password,
      boolean rememberMe,
      ClientInfo client,
      ErrorCode invalid) {
    return metrics.countSignIn(
        SignInMethod.PASSWORD,
        () -> attempt(read, identifier, password, rememberMe, client, invalid),
        outcome -> outcome instanceof SignInOutcome.SecondFactorRequired);
  }

  /** One sign-in's work; {@link #signIn} counts how it ended. */
  private SignInOutcome attempt(
      Supplier<Optional<CredentialSnapshot>> read,
      String identifier,
      String password,
      boolean rememberMe,
      ClientInfo client,
      ErrorCode invalid) {
    Optional<CredentialSnapshot> snapshot = read.get();
    Optional<String> userId = snapshot.map(CredentialSnapshot::userId);
    // Counted before the password is checked, under the account's key if it has one, else under
    // the identifier: the same answers and waits whether or not the account exists.
    String key = SignInLockout.keyFor(userId, identifier);
    if (lockout.admit(key) instanceof LockoutPolicy.Admission.Refused refused) {
      throw new AuthException(
              ErrorCode.ACCOUNT_TEMPORARILY_LOCKED,
              "Too many failed sign-in attempts for this account. Try again later, or reset the"
                  + " password.")
          .withHeader(
              Headers.RETRY_AFTER, Long.toString(LockoutPolicy.seconds(refused.retryAfter())));
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        snapshot = read.get();
      }
      PasswordHasher.Verdict verdict =
          passwords.verifyForSignIn(password, snapshot.map(CredentialSnapshot::passwordHash));
      if (!verdict.matches()) {
        completion.fail(key, userId, identifier);
        throw new AuthException(invalid);
      }
      lockout.succeeded(key); // the right password ends the count, whatever is refused next
      String upgrade = verdict.needsRehash() ? passwords.hash(password) : null;
      Optional<SignInOutcome> outcome =
          completion.complete(snapshot.orElseThrow(), upgrade, rememberMe, client, invalid);
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
    throw new AuthException(invalid); // the password kept changing under us
  }

  /** Sign-out: the caller's session ends, with its audit event. */
  public void signOut(Caller caller) {
    sessions.end(caller.sessionId());
    audit.record(
        AuditAction.SIGN_OUT,
        caller.actor(),
        caller.userId(),
        Changes.none().note("sessionId", caller.sessionId()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.account.Account;
import dev.betterauthjakarta.email.EmailService;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.user.User;
import dev.betterauthjakarta.user.UserService;
import dev.betterauthjakarta.user.UserView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Email and password: sign-up, sign-in (by email or username) and sign-out. */
@Stateless
public class CredentialService {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuthSettings settings;
  @Inject UserService users;
  @Inject SessionService sessions;
  @Inject PasswordHasher passwords;
  @Inject PasswordService passwordService;
  @Inject EmailService emails;

  /**
   * Creates the user, its credential account and a first session, or nothing at all. When email
   * verification is required there is no session until the address is verified, and a taken
   * address gets the same answer as a new one (with a user that was never stored), so sign-up
   * does not reveal who has an account.
   */
  public SignInOutcome.SignedIn signUp(SignUpRequest request, ClientInfo client) {
    boolean verifyFirst = settings.requireEmailVerification();
    String hash = passwords.hash(request.password()); // first: a taken address costs the same time
    if (verifyFirst && users.isEmailTaken(request.user().email())) {
      User unsaved = new User(UUID.randomUUID().toString(), request.user().name(), request.user().email(), now());
      return new SignInOutcome.SignedIn(Optional.empty(), UserView.from(unsaved));
    }
    User user = users.create(request.user());
    em.persist(Account.credential(UUID.randomUUID().toString(), user.getId(), hash, now()));
    if (settings.sendVerificationOnSignUp()) {
      emails.sendVerification(user, request.callbackURL());
    }
    return new SignInOutcome.SignedIn(
        verifyFirst ? Optional.empty() : Optional.of(sessions.issue(user, request.rememberMe(), client)),
        UserView.from(user));
  }

  public SignInOutcome signInWithEmail(SignInRequest request, ClientInfo client) {
    return signIn(users.findByEmail(request.login()), request, client, ErrorCode.INVALID_EMAIL_OR_PASSWORD);
  }

  public SignInOutcome signInWithUsername(SignInRequest request, ClientInfo client) {
    return signIn(
        users.findByUsername(request.login()), request, client, ErrorCode.INVALID_USERNAME_OR_PASSWORD);
  }

  /**
   * An unknown user, a user without a password and a wrong password all get the same 401 after
   * the same hashing work, so neither the answer nor its timing tells which accounts exist. Ban
   * and verification are checked only after the password, so only the owner learns of them.
   */
  private SignInOutcome signIn(
      Optional<User> user, SignInRequest request, ClientInfo client, ErrorCode invalid) {
    Optional<Account> credential = user.flatMap(u -> passwordService.findCredential(u.getId()));
    if (credential.isEmpty()) {
      passwords.burn(request.password());
      throw new AuthException(invalid);
    }
    PasswordHasher.Verdict verdict =
        passwords.verify(request.password(), credential.get().getPassword());
    if (!verdict.matches()) {
      throw new AuthException(invalid);
    }
    Instant now = now();
    if (verdict.needsRehash()) {
      // Better Auth's scrypt hashes (or old argon2 parameters) move to the current format.
      credential.get().changePassword(passwords.hash(request.password()), now);
    }
    User u = user.get();
    if (u.isBannedAt(now)) {
      throw new AuthException(ErrorCode.BANNED_USER);
    }
    if (u.hasExpiredBanAt(now)) {
      u.liftBan(now);
    }
    if (settings.requireEmailVerification() && !u.isEmailVerified()) {
      throw new AuthException(ErrorCode.EMAIL_NOT_VERIFIED);
    }
    if (u.isTwoFactorEnabled()) {
      // No session without the second factor (this service has no 2FA routes yet).
      return new SignInOutcome.SecondFactorRequired();
    }
    return new SignInOutcome.SignedIn(
        Optional.of(sessions.issue(u, request.rememberMe(), client)), UserView.from(u));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

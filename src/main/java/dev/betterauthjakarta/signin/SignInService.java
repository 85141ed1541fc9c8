package dev.betterauthjakarta.signin;

import dev.betterauthjakarta.identity.Account;
import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.IdentitySettings;
import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.identity.Usernames;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.verification.EmailVerificationService;
import dev.betterauthjakarta.verification.EmailVerificationSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Email and password: sign-up, and sign-in by email or username. */
@Stateless
public class SignInService {
  @Inject Clock clock;
  @Inject IdentitySettings identitySettings;
  @Inject EmailVerificationSettings verificationSettings;
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject PasswordHasher passwords;
  @Inject EmailVerificationService emailVerification;

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
    if (verificationSettings.sendOnSignUp()) {
      emailVerification.send(user, request.callback());
    }
    return new SignInOutcome.SignedIn(
        verifyFirst
            ? Optional.empty()
            : Optional.of(sessions.issue(user, request.remembered(), client)),
        UserView.from(user));
  }

  /** Sign-in by (case-insensitive) email; see {@link #signIn}. */
  public SignInOutcome signInWithEmail(SignInRequest request, ClientInfo client) {
    return signIn(
        identities.findByEmail(Emails.normalize(request.email())),
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
  public SignInOutcome signInWithUsername(UsernameSignInRequest request, ClientInfo client) {
    String username = Usernames.normalizeForLookup(request.username());
    return signIn(
        identities.findByUsername(username),
        request.password(),
        request.remembered(),
        client,
        ErrorCode.INVALID_USERNAME_OR_PASSWORD);
  }

  /**
   * An unknown user, a user without a password and a wrong password all get the same 401 after the
   * same hashing work, so neither the answer nor its timing tells which accounts exist. Ban and
   * verification are checked only after the password, so only the owner learns of them.
   */
  private SignInOutcome signIn(
      Optional<User> user,
      String password,
      boolean rememberMe,
      ClientInfo client,
      ErrorCode invalid) {
    Optional<Account> credential = user.flatMap(u -> identities.findCredential(u.getId()));
    if (credential.isEmpty()) {
      passwords.burn(password);
      throw new AuthException(invalid);
    }
    PasswordHasher.Verdict verdict = passwords.verify(password, credential.get().getPassword());
    if (!verdict.matches()) {
      throw new AuthException(invalid);
    }
    Instant now = now();
    if (verdict.needsRehash()) {
      // Better Auth's scrypt hashes (or old argon2 parameters) move to the current format.
      credential.get().changePassword(passwords.hash(password), now);
    }
    User u = user.get();
    if (u.checkBanAt(now)) {
      throw new AuthException(ErrorCode.BANNED_USER);
    }
    if (identitySettings.requireEmailVerification() && !u.isEmailVerified()) {
      throw new AuthException(ErrorCode.EMAIL_NOT_VERIFIED);
    }
    if (u.isTwoFactorEnabled()) {
      // No session without the second factor (this service has no 2FA routes yet).
      return new SignInOutcome.SecondFactorRequired();
    }
    return new SignInOutcome.SignedIn(
        Optional.of(sessions.issue(u, rememberMe, client)), UserView.from(u));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

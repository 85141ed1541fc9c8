package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.account.Account;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
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

/** Email and password: sign-up, sign-in and sign-out. */
@Stateless
public class CredentialService {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject UserService users;
  @Inject SessionService sessions;
  @Inject PasswordHasher passwords;

  /** Creates the user, its credential account and a first session, or nothing at all. */
  public SignInOutcome.SignedIn signUp(SignUpRequest request, ClientInfo client) {
    String hash = passwords.hash(request.password());
    User user = users.create(request.user());
    em.persist(Account.credential(UUID.randomUUID().toString(), user.getId(), hash, now()));
    IssuedSession session = sessions.issue(user, request.rememberMe(), client);
    return new SignInOutcome.SignedIn(session, UserView.from(user));
  }

  /**
   * An unknown email, a user without a password and a wrong password all get the same 401 after
   * the same hashing work, so neither the answer nor its timing tells which emails exist. The
   * ban is checked only after the password, so only the owner learns of it.
   */
  public SignInOutcome signIn(SignInRequest request, ClientInfo client) {
    Optional<User> user = users.findByEmail(request.email());
    Optional<Account> credential = user.flatMap(this::credentialOf);
    if (credential.isEmpty()) {
      passwords.burn(request.password());
      throw new AuthException(ErrorCode.INVALID_EMAIL_OR_PASSWORD);
    }
    PasswordHasher.Verdict verdict =
        passwords.verify(request.password(), credential.get().getPassword());
    if (!verdict.matches()) {
      throw new AuthException(ErrorCode.INVALID_EMAIL_OR_PASSWORD);
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
    if (u.isTwoFactorEnabled()) {
      // No session without the second factor (this service has no 2FA routes yet).
      return new SignInOutcome.SecondFactorRequired();
    }
    return new SignInOutcome.SignedIn(
        sessions.issue(u, request.rememberMe(), client), UserView.from(u));
  }

  private Optional<Account> credentialOf(User user) {
    return em.createNamedQuery(Account.BY_USER_AND_PROVIDER, Account.class)
        .setParameter("userId", user.getId())
        .setParameter("providerId", Account.CREDENTIAL_PROVIDER)
        .getResultStream()
        .filter(a -> a.getPassword() != null)
        .findFirst();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

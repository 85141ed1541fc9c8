package dev.betterauthjakarta.credential;

import dev.betterauthjakarta.account.Account;
import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.user.User;
import dev.betterauthjakarta.user.UserView;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The password on a user's credential account: check, change, reset by mail, set. It looks users
 * up and locks them itself rather than through UserService, which depends on it (delete-user
 * checks the password).
 */
@Stateless
public class PasswordService {
  static final String RESET = "reset-password";
  private static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuthSettings settings;
  @Inject PasswordHasher passwords;
  @Inject SessionService sessions;
  @Inject VerificationService verifications;
  @Inject Event<OutgoingMail> mails;

  public record Changed(Optional<IssuedSession> session, UserView user) {}

  /** The credential account that holds a password, if the user has one. */
  public Optional<Account> findCredential(String userId) {
    return em.createNamedQuery(Account.BY_USER_AND_PROVIDER, Account.class)
        .setParameter("userId", userId)
        .setParameter("providerId", Account.CREDENTIAL_PROVIDER)
        .getResultStream()
        .filter(a -> a.getPassword() != null)
        .findFirst();
  }

  /**
   * Proof of presence by password: the verified credential account, or CREDENTIAL_ACCOUNT_NOT_FOUND
   * or INVALID_PASSWORD.
   */
  public Account check(String userId, String password) {
    Account credential =
        findCredential(userId)
            .orElseThrow(() -> new AuthException(ErrorCode.CREDENTIAL_ACCOUNT_NOT_FOUND));
    if (!passwords.verify(password, credential.getPassword()).matches()) {
      throw new AuthException(ErrorCode.INVALID_PASSWORD);
    }
    return credential;
  }

  /**
   * A new password needs the current one. With revokeOtherSessions every session ends, the
   * caller's too, and the caller gets a new one: a thief holding an old token is out.
   */
  public Changed change(
      Caller caller, String currentPassword, String newPassword, boolean revokeOtherSessions,
      ClientInfo client) {
    PasswordHasher.checkLength(newPassword);
    User user = lockUser(caller.userId());
    Account credential = check(user.getId(), currentPassword);
    credential.changePassword(passwords.hash(newPassword), now());
    Optional<IssuedSession> issued = Optional.empty();
    if (revokeOtherSessions) {
      sessions.endAllOf(user.getId());
      issued = Optional.of(sessions.issue(user, true, client));
    }
    return new Changed(issued, UserView.from(user));
  }

  /**
   * Mails a single-use reset link (1 hour) if the address belongs to a user. The answer is the
   * same either way, and the mail leaves in the background, so neither reveals the account.
   */
  public void requestReset(String normalizedEmail, Optional<String> redirectTo) {
    Optional<User> user =
        em.createNamedQuery(User.BY_EMAIL, User.class)
            .setParameter("email", normalizedEmail)
            .getResultStream()
            .findFirst();
    if (user.isEmpty()) {
      return;
    }
    String token =
        verifications.issue(
            RESET, Json.createObjectBuilder().add("userId", user.get().getId()).build(), RESET_LINK_LIFETIME);
    String link =
        settings.apiUrl() + "/reset-password/" + token
            + redirectTo.map(r -> "?callbackURL=" + URLEncoder.encode(r, StandardCharsets.UTF_8)).orElse("");
    mails.fire(
        Links.mail(
            normalizedEmail,
            "Reset your password",
            "Someone asked to reset the password of your account. Open the link to choose a new"
                + " one (valid for 60 minutes):",
            link,
            "If you did not ask for this, ignore this mail; your password stays as it is."));
  }

  /** Whether a reset token is still good, without using it up. */
  public boolean isResetTokenValid(String token) {
    return verifications.peek(token, RESET).isPresent();
  }

  /**
   * Sets the password a reset link was for (creating the credential account of a user who
   * signed in only through a provider) and ends all the user's sessions.
   */
  public void reset(String token, String newPassword) {
    PasswordHasher.checkLength(newPassword); // before the token is used up by a bad password
    String userId =
        verifications
            .redeem(token, RESET)
            .payloadOr(() -> new AuthException(400, ErrorCode.INVALID_TOKEN, "Invalid token"))
            .getString("userId");
    User user = lockUser(userId);
    storePassword(user, newPassword);
    sessions.endAllOf(user.getId());
  }

  /**
   * Better Auth's set-password, as a route: a user who has no password (signed up through a
   * provider) may add one from a fresh session; replacing one needs change-password.
   */
  public void set(Caller caller, String newPassword) {
    PasswordHasher.checkLength(newPassword);
    if (!caller.isFreshAt(clock.instant(), settings.sessionFreshAge())) {
      throw new AuthException(ErrorCode.SESSION_NOT_FRESH);
    }
    User user = lockUser(caller.userId());
    if (findCredential(user.getId()).isPresent()) {
      throw new AuthException(ErrorCode.PASSWORD_ALREADY_SET);
    }
    storePassword(user, newPassword);
  }

  private void storePassword(User user, String newPassword) {
    String hash = passwords.hash(newPassword);
    Optional<Account> credential =
        em.createNamedQuery(Account.BY_USER_AND_PROVIDER, Account.class)
            .setParameter("userId", user.getId())
            .setParameter("providerId", Account.CREDENTIAL_PROVIDER)
            .getResultStream()
            .findFirst();
    if (credential.isPresent()) {
      credential.get().changePassword(hash, now());
    } else {
      em.persist(Account.credential(UUID.randomUUID().toString(), user.getId(), hash, now()));
    }
  }

  private User lockUser(String userId) {
    User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (user == null) {
      throw new AuthException(ErrorCode.UNAUTHORIZED);
    }
    return user;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

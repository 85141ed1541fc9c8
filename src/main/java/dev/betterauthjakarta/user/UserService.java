package dev.betterauthjakarta.user;

import dev.betterauthjakarta.account.Account;
import dev.betterauthjakarta.credential.PasswordService;
import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AdvisoryLocks;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.AuthSettings;
import dev.betterauthjakarta.platform.Conflicts;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The user row: creation with unique email and username, profile updates, deletion. */
@Stateless
public class UserService {
  static final String DELETE_ACCOUNT = "delete-account";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuthSettings settings;
  @Inject PasswordService passwords;
  @Inject SessionService sessions;
  @Inject VerificationService verifications;
  @Inject Event<OutgoingMail> mails;

  /** An email or a username belongs to one user: checked under a lock, enforced by the database. */
  public User create(NewUser n) {
    List<String> locks = new ArrayList<>();
    locks.add(emailLock(n.email()));
    if (n.username() != null) {
      locks.add(usernameLock(n.username()));
    }
    AdvisoryLocks.lock(em, locks.toArray(String[]::new));
    if (findByEmail(n.email()).isPresent()) {
      throw new AuthException(ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
    }
    if (n.username() != null && findByUsername(n.username()).isPresent()) {
      throw new AuthException(ErrorCode.USERNAME_IS_ALREADY_TAKEN);
    }
    User user = new User(UUID.randomUUID().toString(), n.name(), n.email(), now());
    user.setImage(n.image());
    user.setUsername(n.username());
    user.setDisplayUsername(n.displayUsername());
    user.setMetadata(n.metadata() == null ? JsonValue.EMPTY_JSON_OBJECT : n.metadata());
    em.persist(user);
    Conflicts.flush(em);
    return user;
  }

  public Optional<User> findByEmail(String normalizedEmail) {
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }

  public Optional<User> findByUsername(String normalizedUsername) {
    return em.createNamedQuery(User.BY_USERNAME, User.class)
        .setParameter("username", normalizedUsername)
        .getResultStream()
        .findFirst();
  }

  /**
   * The caller's user row, locked until the transaction ends, so that concurrent changes to one
   * user (two metadata patches, a delete and an update) apply one after the other.
   */
  public User lockCaller(Caller caller) {
    // deleted since the filter saw it
    return findLocked(caller.userId()).orElseThrow(() -> new AuthException(ErrorCode.UNAUTHORIZED));
  }

  /** A user row, locked until the transaction ends (see {@link #lockCaller}). */
  public Optional<User> findLocked(String userId) {
    return Optional.ofNullable(em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE));
  }

  /** Whether an address has an account, checked under the lock that sign-up takes for it. */
  public boolean isEmailTaken(String normalizedEmail) {
    lockEmail(normalizedEmail);
    return findByEmail(normalizedEmail).isPresent();
  }

  /** Serialises claims on one email address across sign-up and email changes. */
  public void lockEmail(String normalizedEmail) {
    AdvisoryLocks.lock(em, emailLock(normalizedEmail));
  }

  public void update(Caller caller, UpdateUserRequest request) {
    User user = lockCaller(caller);
    request.name().ifPresent(user::setName);
    request.image().ifPresent(user::setImage);
    request.username().ifPresent(typed -> changeUsername(user, typed));
    request.displayUsername().ifPresent(user::setDisplayUsername);
    request.metadata().ifPresent(patch -> user.setMetadata(Metadata.merge(user.getMetadata(), patch)));
    user.setUpdatedAt(now());
    Conflicts.flush(em);
  }

  /** Setting one's own current username again is fine; another user's is taken. */
  private void changeUsername(User user, String typed) {
    if (typed == null) {
      user.setUsername(null);
      return;
    }
    String username = Usernames.normalize(typed);
    if (username.equals(user.getUsername())) {
      return;
    }
    AdvisoryLocks.lock(em, usernameLock(username));
    Optional<User> holder = findByUsername(username);
    if (holder.isPresent() && !Objects.equals(holder.get().getId(), user.getId())) {
      throw new AuthException(ErrorCode.USERNAME_IS_ALREADY_TAKEN);
    }
    user.setUsername(username);
  }

  public enum Deletion {
    DELETED,
    VERIFICATION_SENT
  }

  /**
   * Deletes the user, in Better Auth's order: a given password must be right; a given token (from
   * the mailed link) deletes at once; with mailed confirmation configured a link goes out instead;
   * otherwise, without a password, the session must be fresh.
   */
  public Deletion delete(Caller caller, DeleteUserRequest request) {
    User user = lockCaller(caller);
    if (request.password().isPresent()) {
      passwords.check(user.getId(), request.password().get());
    }
    if (request.token().isPresent()) {
      deleteByLink(caller, request.token().get());
      return Deletion.DELETED;
    }
    if (settings.confirmDeleteByEmail()) {
      mailDeletionLink(user, request.callbackURL());
      return Deletion.VERIFICATION_SENT;
    }
    if (request.password().isEmpty() && !caller.isFreshAt(now(), settings.sessionFreshAge())) {
      throw new AuthException(ErrorCode.SESSION_EXPIRED);
    }
    remove(user);
    return Deletion.DELETED;
  }

  /**
   * The mailed deletion link, used while signed in as the same user (the link alone is not
   * enough: a forwarded mail must not delete an account). Both failures are 404, as in Better
   * Auth, and the token stays unused when they happen.
   */
  public void deleteByLink(Caller caller, String token) {
    Supplier<AuthException> invalid =
        () -> new AuthException(404, ErrorCode.INVALID_TOKEN, "Invalid token");
    String userId = verifications.redeem(token, DELETE_ACCOUNT).payloadOr(invalid).getString("userId");
    if (!userId.equals(caller.userId())) {
      throw invalid.get();
    }
    remove(lockCaller(caller));
  }

  private void mailDeletionLink(User user, Optional<String> callbackURL) {
    String token =
        verifications.issue(
            DELETE_ACCOUNT,
            Json.createObjectBuilder().add("userId", user.getId()).build(),
            settings.deleteUserExpiresIn());
    mails.fire(
        Links.mail(
            user.getEmail(),
            "Confirm the deletion of your account",
            "Someone asked to delete your account. Open the link while signed in to confirm; this"
                + " cannot be undone:",
            Links.withCallback(settings.apiUrl() + "/delete-user/callback?token=" + token, callbackURL),
            "If you did not ask for this, ignore this mail and change your password."));
  }

  /** The user with its sessions, accounts and pending verifications, in this one transaction. */
  private void remove(User user) {
    verifications.deleteAllOf(user.getId());
    sessions.endAllOf(user.getId());
    em.createNamedQuery(Account.DELETE_BY_USER).setParameter("userId", user.getId()).executeUpdate();
    em.remove(user);
  }

  private static String emailLock(String email) {
    return "email:" + email;
  }

  private static String usernameLock(String username) {
    return "username:" + username;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

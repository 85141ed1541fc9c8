package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.AdvisoryLocks;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Conflicts;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Field;
import dev.betterauthjakarta.platform.SecretCipher;
import dev.betterauthjakarta.platform.ServiceSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
import java.util.function.Predicate;

/**
 * The one owner of users and their accounts: lookups, row locks, uniqueness of emails and
 * usernames, password checks and the rules about one user's sign-in methods. Every use case goes
 * through it, so each rule has one home. Each public method joins the caller's transaction.
 */
@Stateless
public class IdentityService {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject PasswordHasher hasher;
  @Inject SignInLockout lockout;
  @Inject Event<UserCreated> created;
  @Inject ServiceSettings service;
  @Inject Event<PasswordChanged> passwordChanged;

  /**
   * Creates the user and, when {@code passwordHash} is given, its credential account. An email or a
   * username belongs to one user: checked under an advisory lock, enforced by the database.
   *
   * @param n the new user, email and username already normalised
   * @param passwordHash the hash for the credential account, or null for none
   * @throws AuthException 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL, 400 USERNAME_IS_ALREADY_TAKEN,
   *     or 409 CONFLICT when another writer raced past the locks
   */
  public User create(NewUser n, String passwordHash) {
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
    Instant now = now();
    User user = new User(UUID.randomUUID().toString(), n, now);
    em.persist(user);
    Conflicts.flush(em); // the user row first: the provider does not order inserts by foreign key
    if (passwordHash != null) {
      em.persist(Account.credential(UUID.randomUUID().toString(), user.getId(), passwordHash, now));
    }
    created.fire(new UserCreated(user));
    return user;
  }

  /** The user with this (lower-cased) email, if any. */
  public Optional<User> findByEmail(String normalizedEmail) {
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }

  /** The user with this (lower-cased) username, if any. */
  public Optional<User> findByUsername(String normalizedUsername) {
    return em.createNamedQuery(User.BY_USERNAME, User.class)
        .setParameter("username", normalizedUsername)
        .getResultStream()
        .findFirst();
  }

  /** The user with this id, unlocked, if any. */
  public Optional<User> find(String userId) {
    return Optional.ofNullable(em.find(User.class, userId));
  }

  /**
   * The user row, locked until the transaction ends, so that concurrent changes to one user (two
   * metadata patches, a delete and an update, a password change and a reset) apply one after the
   * other.
   */
  public Optional<User> findLocked(String userId) {
    return Optional.ofNullable(em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * The signed-in user's row, locked (see {@link #findLocked}).
   *
   * @throws AuthException 401 UNAUTHORIZED when the user was deleted since the request began
   */
  public User lock(String userId) {
    return findLocked(userId).orElseThrow(() -> new AuthException(ErrorCode.UNAUTHORIZED));
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

  /**
   * Moves the user to another address, unless another user claimed it meanwhile.
   *
   * @throws AuthException 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL when it belongs to someone else
   */
  public void changeEmail(User user, String normalizedEmail, boolean verified) {
    lockEmail(normalizedEmail);
    Optional<User> holder = findByEmail(normalizedEmail);
    if (holder.isPresent() && !holder.get().getId().equals(user.getId())) {
      throw new AuthException(ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
    }
    user.changeEmail(normalizedEmail, verified, now());
    Conflicts.flush(em);
  }

  /**
   * Applies a profile change to the locked user. Usernames follow Better Auth's rules and are
   * unique (setting one's own current username again is fine); metadata is merged by RFC 7396.
   *
   * @throws AuthException 400 USERNAME_TOO_SHORT / USERNAME_TOO_LONG / INVALID_USERNAME /
   *     USERNAME_IS_ALREADY_TAKEN, 400 VALIDATION_ERROR for metadata over its limits
   */
  public void updateProfile(User user, ProfileChange change) {
    Field<String> username = change.username();
    if (username.hasValue()) {
      String normalized = Usernames.normalize(username.value());
      if (!normalized.equals(user.getUsername())) {
        AdvisoryLocks.lock(em, usernameLock(normalized));
        Optional<User> holder = findByUsername(normalized);
        if (holder.isPresent() && !Objects.equals(holder.get().getId(), user.getId())) {
          throw new AuthException(ErrorCode.USERNAME_IS_ALREADY_TAKEN);
        }
      }
      username = Field.of(normalized);
    }
    Field<jakarta.json.JsonObject> metadata = change.metadata();
    if (metadata.present()) {
      metadata = Field.of(Metadata.merge(user.getMetadata(), metadata.value()));
    }
    user.update(
        new ProfileChange(
            change.name(), change.image(), username, change.displayUsername(), metadata),
        now());
    Conflicts.flush(em);
  }

  /**
   * Every account of the user, oldest first. One read needs no transaction of its own:
   * list-accounts reads without one (a caller's transaction is joined).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Account> accountsOf(String userId) {
    return em.createNamedQuery(Account.BY_USER, Account.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  /**
   * The user's password hash as stored now, for sign-in to verify without holding a lock.
   *
   * @return empty for a missing user or one without a password
   */
  public Optional<CredentialSnapshot> snapshot(Optional<User> user) {
    return user.flatMap(
        u ->
            findCredential(u.getId())
                .map(a -> new CredentialSnapshot(u.getId(), a.getId(), a.getPassword())));
  }

  /**
   * Locks the user whose password sign-in verified, if the credential is still the one it verified.
   * Every credential change (password change, reset, set, an upgrade by another sign-in) locks the
   * same row, so a sign-in either completes before the change (and the change then ends its
   * session) or sees the change here and never opens a session with an old password.
   *
   * @param upgradeHash a new hash of the same password to store (format upgrade), or null
   */
  public SignInLock lockForSignIn(CredentialSnapshot snapshot, String upgradeHash) {
    Optional<User> user = findLocked(snapshot.userId());
    Account credential = em.find(Account.class, snapshot.accountId());
    if (user.isEmpty() || credential == null || !snapshot.userId().equals(credential.getUserId())) {
      return new SignInLock.Gone();
    }
    if (!snapshot.passwordHash().equals(credential.getPassword())) {
      return new SignInLock.CredentialChanged();
    }
    if (upgradeHash != null) {
      credential.changePassword(upgradeHash, now());
    }
    return new SignInLock.Held(user.get());
  }

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
   * Proof of presence by password.
   *
   * @return the verified credential account
   * @throws AuthException 400 CREDENTIAL_ACCOUNT_NOT_FOUND for a user without a password, 400
   *     INVALID_PASSWORD for a wrong one
   */
  public Account checkPassword(String userId, String password) {
    Account credential =
        findCredential(userId)
            .orElseThrow(() -> new AuthException(ErrorCode.CREDENTIAL_ACCOUNT_NOT_FOUND));
    if (!hasher.verify(password, credential.getPassword()).matches()) {
      throw new AuthException(ErrorCode.INVALID_PASSWORD);
    }
    return credential;
  }

  /**
   * Replaces the password of the (locked) user after checking the current one.
   *
   * @throws AuthException 400 CREDENTIAL_ACCOUNT_NOT_FOUND or INVALID_PASSWORD
   */
  public void changePassword(User user, String currentPassword, String newPasswordHash) {
    checkPassword(user.getId(), currentPassword).changePassword(newPasswordHash, now());
    passwordChanged.fire(new PasswordChanged(user.getId()));
    lockout.clear(user.getId()); // a new password ends a lockout
  }

  /**
   * Stores a new password hash on the user's credential account, creating the account for a user
   * who so far signed in only through a provider.
   */
  public void storePassword(User user, String passwordHash) {
    Optional<Account> credential =
        em.createNamedQuery(Account.BY_USER_AND_PROVIDER, Account.class)
            .setParameter("userId", user.getId())
            .setParameter("providerId", Account.CREDENTIAL_PROVIDER)
            .getResultStream()
            .findFirst();
    if (credential.isPresent()) {
      credential.get().changePassword(passwordHash, now());
    } else {
      em.persist(
          Account.credential(UUID.randomUUID().toString(), user.getId(), passwordHash, now()));
    }
    passwordChanged.fire(new PasswordChanged(user.getId()));
    lockout.clear(user.getId()); // a reset (or any new password) unlocks password sign-in
  }

  /**
   * Cannot unlink the last sign-in method: a user keeps at least one account that can sign in (a
   * credential row without a password is none, so it may always go). As in Better Auth, a user with
   * a single account is refused before the target is looked up. The user row is locked first, so
   * two unlinks racing on a two-account user run one after the other and the second sees one
   * account left.
   *
   * @param userId the signed-in user
   * @param target which of the user's accounts to remove (the first match)
   * @param allowUnlinkingAll whether the user may remove every way to sign in (Better Auth's {@code
   *     allowUnlinkingAll})
   * @throws AuthException 400 FAILED_TO_UNLINK_LAST_ACCOUNT, 400 ACCOUNT_NOT_FOUND
   */
  public void unlinkAccount(String userId, Predicate<Account> target, boolean allowUnlinkingAll) {
    lock(userId);
    List<Account> accounts = accountsOf(userId);
    if (!allowUnlinkingAll && accounts.size() == 1) {
      throw new AuthException(ErrorCode.FAILED_TO_UNLINK_LAST_ACCOUNT);
    }
    Account found =
        accounts.stream()
            .filter(target)
            .findFirst()
            .orElseThrow(() -> new AuthException(ErrorCode.ACCOUNT_NOT_FOUND));
    long waysToSignIn = accounts.stream().filter(Account::canSignIn).count();
    if (!allowUnlinkingAll && found.canSignIn() && waysToSignIn <= 1) {
      throw new AuthException(ErrorCode.FAILED_TO_UNLINK_LAST_ACCOUNT);
    }
    em.remove(found);
  }

  // --- provider accounts -----------------------------------------------------------------

  /**
   * Serialises every claim on one provider identity (sign-in, linking), so that of two requests
   * linking it at once the second sees the first one's row. The unique index on (providerId,
   * accountId) stays as the last line.
   */
  public void lockProviderIdentity(String providerId, String accountId) {
    AdvisoryLocks.lock(em, "account:" + providerId + ":" + accountId);
  }

  /** The account of this provider identity, whoever owns it. */
  public Optional<Account> findAccount(String providerId, String accountId) {
    return em.createNamedQuery(Account.BY_PROVIDER_ACCOUNT, Account.class)
        .setParameter("providerId", providerId)
        .setParameter("accountId", accountId)
        .getResultStream()
        .findFirst();
  }

  /**
   * One of the user's accounts by its row id, locked until the transaction ends (a token refresh
   * holds it, so two callers never refresh the same account at once). Another user's row behaves
   * like a missing one.
   */
  public Optional<Account> findAccountLocked(String userId, String accountRowId) {
    Account a = em.find(Account.class, accountRowId, LockModeType.PESSIMISTIC_WRITE);
    return a != null && a.getUserId().equals(userId) ? Optional.of(a) : Optional.empty();
  }

  /**
   * The user's first account of a provider (optionally with the provider's id for the user), locked
   * as {@link #findAccountLocked}.
   */
  public Optional<Account> findAccountLocked(
      String userId, String providerId, String providerAccountId) {
    return em.createNamedQuery(Account.BY_USER_AND_PROVIDER, Account.class)
        .setParameter("userId", userId)
        .setParameter("providerId", providerId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .filter(a -> providerAccountId == null || providerAccountId.equals(a.getAccountId()))
        .findFirst();
  }

  /**
   * A new user who proved an identity at a provider (no password). {@code emailVerified} is what
   * the provider asserted about the address.
   *
   * @throws AuthException 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL when the email was taken
   *     meanwhile
   */
  public User createFromProvider(NewUser n, boolean emailVerified) {
    User user = create(n, null);
    if (emailVerified) {
      user.verifyEmail(now());
    }
    return user;
  }

  /**
   * Links a provider identity to the (locked) user, tokens sealed. The caller holds {@link
   * #lockProviderIdentity} and found no account for it.
   *
   * @throws AuthException 409 CONFLICT when another writer linked the identity meanwhile
   */
  public Account linkAccount(User user, String providerId, String accountId, ProviderTokens t) {
    Instant now = now();
    Account account =
        Account.linked(
            UUID.randomUUID().toString(),
            user.getId(),
            providerId,
            accountId,
            scope(t.scopes()),
            now);
    seal(account, t, now);
    em.persist(account);
    Conflicts.flush(em);
    return account;
  }

  /**
   * Stores what the provider sent for an existing account: returned fields replace the stored ones,
   * missing fields keep them; every token column is sealed again under the current secret (so
   * values Better Auth wrote, plaintext or encrypted, move to this service's format).
   *
   * @param mergeScopes add the granted scopes to the stored ones (linking); otherwise the scope is
   *     left alone (Better Auth 1.7 does not touch it at sign-in or refresh)
   */
  public void storeTokens(Account account, ProviderTokens fresh, boolean mergeScopes) {
    Instant now = now();
    account.storeTokens(
        resealed(account, "accessToken", fresh.accessToken(), account.storedAccessToken()),
        resealed(account, "refreshToken", fresh.refreshToken(), account.storedRefreshToken()),
        resealed(account, "idToken", fresh.idToken(), account.storedIdToken()),
        fresh.accessToken() != null
            ? fresh.accessTokenExpiresAt()
            : account.getAccessTokenExpiresAt(),
        fresh.refreshTokenExpiresAt() != null
            ? fresh.refreshTokenExpiresAt()
            : account.getRefreshTokenExpiresAt(),
        now);
    if (mergeScopes && !fresh.scopes().isEmpty()) {
      List<String> merged = new ArrayList<>(scopesOf(account.getScope()));
      fresh.scopes().stream().filter(x -> !merged.contains(x)).forEach(merged::add);
      account.changeScope(scope(merged), now);
    }
  }

  /**
   * One token column after a write: the provider's new value sealed, else the stored value sealed
   * again under the current secret; a stored value that does not open stays as it is (never lost to
   * a write that did not replace it).
   */
  private String resealed(Account account, String column, String fresh, String stored) {
    SecretCipher cipher = service.secretCipher();
    String context = context(account, column);
    if (fresh != null) {
      return cipher.seal(fresh, context);
    }
    if (stored == null || cipher.isCurrent(stored)) {
      return stored;
    }
    try {
      return cipher.seal(cipher.open(stored, context), context);
    } catch (IllegalStateException e) {
      return stored;
    }
  }

  /**
   * The account's tokens in plaintext, for their owner; empty when a stored token does not open
   * (sealed with a secret no longer configured, or copied from another row).
   */
  public Optional<ProviderTokens> tokensOf(Account account) {
    try {
      return Optional.of(open(account));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  private ProviderTokens open(Account account) {
    SecretCipher cipher = service.secretCipher();
    return new ProviderTokens(
        cipher.open(account.storedAccessToken(), context(account, "accessToken")),
        cipher.open(account.storedRefreshToken(), context(account, "refreshToken")),
        cipher.open(account.storedIdToken(), context(account, "idToken")),
        account.getAccessTokenExpiresAt(),
        account.getRefreshTokenExpiresAt(),
        scopesOf(account.getScope()));
  }

  private void seal(Account account, ProviderTokens t, Instant now) {
    SecretCipher cipher = service.secretCipher();
    account.storeTokens(
        cipher.seal(t.accessToken(), context(account, "accessToken")),
        cipher.seal(t.refreshToken(), context(account, "refreshToken")),
        cipher.seal(t.idToken(), context(account, "idToken")),
        t.accessTokenExpiresAt(),
        t.refreshTokenExpiresAt(),
        now);
  }

  /** Binds a sealed token to its row and column: copied elsewhere, it does not open. */
  private static String context(Account account, String column) {
    return "account:" + account.getId() + ":" + column;
  }

  private static String scope(List<String> scopes) {
    return scopes.isEmpty() ? null : String.join(",", scopes);
  }

  /** Better Auth 1.7: split on commas, trimmed, empties dropped. */
  public static List<String> scopesOf(String scope) {
    if (scope == null) {
      return List.of();
    }
    return java.util.Arrays.stream(scope.split(","))
        .map(String::trim)
        .filter(x -> !x.isEmpty())
        .toList();
  }

  /**
   * Deletes the locked user and its accounts. The database deletes its sessions with it (foreign
   * key cascade); pending verification rows are the caller's to delete.
   */
  public void remove(User user) {
    lockout.clear(user.getId());
    em.createNamedQuery(Account.DELETE_BY_USER)
        .setParameter("userId", user.getId())
        .executeUpdate();
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

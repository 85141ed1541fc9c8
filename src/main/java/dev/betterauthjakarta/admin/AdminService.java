package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.admin.AdminRequests.CreateUserRequest;
import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditPage;
import dev.betterauthjakarta.audit.AuditQuery;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.Emails;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.NewUser;
import dev.betterauthjakarta.identity.PasswordHasher;
import dev.betterauthjakarta.identity.ProfileChange;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.identity.Usernames;
import dev.betterauthjakarta.platform.AdvisoryLocks;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.ClientInfo;
import dev.betterauthjakarta.session.IssuedSession;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.session.SessionView;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Better Auth's admin plugin: what an administrator may do to other users, each action one
 * transaction that also writes its audit event.
 *
 * <p>Every action checks the caller's permission twice: first against the role the session filter
 * read (so a normal user is refused at once and never waits on a lock), then, for every change,
 * against the caller's own row locked in this transaction, after the lock that serialises every
 * change to the set of administrators ({@link #ADMIN_SET_LOCK}). So an administrator demoted or
 * banned while a request was in flight can no longer act, and two administrators demoting each
 * other when only they are left run one after the other: the second finds itself demoted (403) or
 * its target the last administrator (400). Lock order: the admin-set lock, the caller's row, the
 * target's row; no other path takes the admin-set lock, so no cycle can form.
 */
@Stateless
public class AdminService {
  /** Serialises every change that may shrink the set of administrators. */
  static final String ADMIN_SET_LOCK = "admin:administrators";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AdminSettings settings;
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject VerificationService verifications;
  @Inject PasswordHasher passwords;
  @Inject AuditTrail audit;

  /** create-user's answer. */
  public record Created(UserView user) {}

  /** An impersonation session and its user. */
  public record SessionAndUser(SessionView session, UserView user) {}

  /** A new impersonation session (with its raw token) and the impersonated user. */
  public record Impersonation(IssuedSession issued, UserView user) {}

  /** list-users' answer before it goes on the wire. */
  public record UserPage(
      List<UserView> users, long total, java.math.BigDecimal limit, java.math.BigDecimal offset) {}

  // --- users ------------------------------------------------------------------------------

  /**
   * Creates a user as Better Auth's create-user does: permission, then role (set-role permission,
   * type, known role), then ban fields (ban permission), then the email (INVALID_EMAIL, taken: 400
   * USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL); a password, when given, becomes a credential account.
   * Unlike Better Auth, the password must be 8 to 128 characters long.
   */
  public Created createUser(Caller caller, CreateUserRequest request) {
    require(caller, "user", "create", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS);
    UserData data =
        UserData.parse(request.data() == null ? JsonValue.EMPTY_JSON_OBJECT : request.data());
    Optional<List<String>> roles =
        request.role() != null && request.role().getValueType() != JsonValue.ValueType.NULL
            ? Optional.of(AdminRequests.roles("role", request.role()))
            : data.roles();
    if (roles.isPresent()) {
      require(caller, "user", "set-role", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
      checkAssignable(roles.get());
    }
    if (data.hasBanFields()) {
      require(caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    }
    String email = Emails.normalize(request.email());
    if (!Emails.isValid(email)) {
      throw new AuthException(ErrorCode.INVALID_EMAIL);
    }
    Optional<String> password = request.givenPassword();
    if (password.isPresent() && password.get().length() < PasswordHasher.MIN_LENGTH) {
      throw new AuthException(ErrorCode.PASSWORD_TOO_SHORT);
    }
    String hash = password.map(passwords::hash).orElse(null); // slow: before any lock
    User actor = lockActor(caller, "user", "create", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS);
    if (roles.isPresent()) {
      recheck(
          actor, caller, "user", "set-role", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
    }
    if (data.hasBanFields()) {
      recheck(actor, caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    }
    if (identities.isEmailTaken(email)) {
      throw new AuthException(
          400,
          ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL,
          ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL.message());
    }
    String username =
        data.username().hasValue() ? Usernames.normalize(data.username().value()) : null;
    NewUser newUser =
        new NewUser(
            request.name(),
            email,
            data.image().value(),
            username,
            data.displayUsername().hasValue() ? data.displayUsername().value() : null,
            data.metadata().hasValue() ? data.metadata().value() : JsonValue.EMPTY_JSON_OBJECT);
    if (newUser.metadata() != null) {
      dev.betterauthjakarta.identity.Metadata.validate(newUser.metadata());
    }
    User user = identities.create(newUser, hash);
    Instant now = now();
    roles.ifPresent(r -> user.changeRole(String.join(",", r), now));
    data.emailVerified().ifPresent(v -> user.markEmailVerified(v, now));
    applyBan(user, data, now);
    audit.record(
        AuditAction.ADMIN_CREATE_USER,
        caller.actor(),
        user.getId(),
        Changes.created(user.auditState()).note("password", hash == null ? "none" : "set"));
    return new Created(UserView.from(user));
  }

  /** list-users: search, filter, sort and page; {@code total} ignores limit and offset. */
  public UserPage listUsers(Caller caller, UserSearch.Query query) {
    require(caller, "user", "list", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS);
    Optional<UserSearch.Plan> plan = UserSearch.plan(query);
    if (plan.isEmpty()) {
      // Where Better Auth's query fails in the database, it answers an empty list.
      return new UserPage(List.of(), 0, null, null);
    }
    UserSearch.Plan p = plan.get();
    String where = numbered(p.where());
    Query select =
        em.createNativeQuery(
            "select * from \"user\""
                + where
                + " "
                + p.order()
                + " limit "
                + p.limit()
                + " offset "
                + p.offset(),
            User.class);
    Query count = em.createNativeQuery("select count(*) from \"user\"" + where);
    for (int i = 0; i < p.params().size(); i++) {
      select.setParameter(i + 1, p.params().get(i));
      count.setParameter(i + 1, p.params().get(i));
    }
    @SuppressWarnings("unchecked")
    List<User> users = select.getResultList();
    long total = ((Number) count.getSingleResult()).longValue();
    return new UserPage(
        users.stream().map(UserView::from).toList(),
        total,
        query.limitNumber().orElse(null),
        query.offsetNumber().orElse(null));
  }

  /** get-user. */
  public UserView getUser(Caller caller, String id) {
    require(caller, "user", "get", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_GET_USER);
    return identities.find(id).map(UserView::from).orElseThrow(AdminService::notFound);
  }

  /**
   * update-user, in Better Auth's order of checks: update permission, data present, no password,
   * role (set-role permission, type, known role), ban fields (ban permission, not oneself), email
   * fields (set-email permission, a valid address no one else has), the user exists. Profile fields
   * follow update-user's rules (username unique, metadata merged); banning ends every session.
   */
  public UserView updateUser(Caller caller, String userId, JsonObject body) {
    require(caller, "user", "update", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS);
    JsonValue rawData = body.get("data");
    if (rawData == null || rawData.getValueType() != JsonValue.ValueType.OBJECT) {
      throw dev.betterauthjakarta.platform.Body.invalid(
          "data",
          "Invalid input: expected record, received "
              + (rawData == null ? "undefined" : AdminRequests.typeName(rawData)));
    }
    if (rawData.asJsonObject().isEmpty()) {
      throw new AuthException(ErrorCode.NO_DATA_TO_UPDATE);
    }
    UserData data = UserData.parse(rawData.asJsonObject());
    if (data.roles().isPresent()) {
      require(caller, "user", "set-role", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
      checkAssignable(data.roles().get());
    }
    if (data.hasBanFields()) {
      require(caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
      if (data.banned().orElse(false) && userId.equals(caller.userId())) {
        throw new AuthException(ErrorCode.YOU_CANNOT_BAN_YOURSELF);
      }
    }
    Optional<String> email = Optional.empty();
    if (data.hasEmailFields()) {
      require(caller, "user", "set-email", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL);
      if (data.email().present()) {
        String normalized =
            data.email().value() == null ? "" : Emails.normalize(data.email().value());
        if (!Emails.isValid(normalized)) {
          throw new AuthException(ErrorCode.INVALID_EMAIL);
        }
        email = Optional.of(normalized);
      }
    }
    User actor = lockActor(caller, "user", "update", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS);
    if (data.roles().isPresent()) {
      recheck(
          actor, caller, "user", "set-role", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
    }
    if (data.hasBanFields()) {
      recheck(actor, caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    }
    if (data.hasEmailFields()) {
      recheck(actor, caller, "user", "set-email", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL);
    }
    User user = identities.findLocked(userId).orElseThrow(AdminService::notFound);
    if (email.isPresent()) {
      Optional<User> holder = identities.findByEmail(email.get());
      if (holder.isPresent() && !holder.get().getId().equals(user.getId())) {
        throw new AuthException(
            400,
            ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL,
            ErrorCode.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL.message());
      }
    }
    Instant now = now();
    String roleAfter = data.roles().map(r -> String.join(",", r)).orElse(user.getRole());
    boolean bannedAfter = data.banned().isPresent() ? data.banned().get() : user.checkBanAt(now);
    boolean stillAdmin = access().isAdmin(user.getId(), roleAfter) && !bannedAfter;
    keepAnAdministrator(user, stillAdmin);
    JsonObject before = user.auditState();
    ProfileChange profile =
        new ProfileChange(
            data.name(), data.image(), data.username(), data.displayUsername(), data.metadata());
    if (!profile.isEmpty()) {
      identities.updateProfile(user, profile);
    }
    if (email.isPresent() && !email.get().equals(user.getEmail())) {
      identities.changeEmail(
          user, email.get(), data.emailVerified().orElse(user.isEmailVerified()));
      verifications.deleteAllOf(user.getId()); // links mailed to the old address die with it
    } else {
      data.emailVerified().ifPresent(v -> user.markEmailVerified(v, now));
    }
    data.roles().ifPresent(r -> user.changeRole(String.join(",", r), now));
    applyBan(user, data, now);
    Changes changes = Changes.between(before, user.auditState());
    if (data.metadata().present()) {
      changes.note("metadata", "changed");
    }
    audit.record(AuditAction.ADMIN_UPDATE_USER, caller.actor(), user.getId(), changes);
    return UserView.from(user);
  }

  /** set-role: role validation, the user exists, the last administrator stays one. */
  public UserView setRole(Caller caller, String userId, List<String> roles) {
    require(caller, "user", "set-role", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
    checkAssignable(roles);
    lockActor(caller, "user", "set-role", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
    User user = identities.findLocked(userId).orElseThrow(AdminService::notFound);
    String role = String.join(",", roles);
    keepAnAdministrator(user, access().isAdmin(user.getId(), role));
    JsonObject before = user.auditState();
    user.changeRole(role, now());
    audit.record(
        AuditAction.ADMIN_SET_ROLE,
        caller.actor(),
        user.getId(),
        Changes.between(before, user.auditState()));
    return UserView.from(user);
  }

  /**
   * ban-user: the user exists, is not the caller and is not the last administrator; the ban (with
   * the reason or the default one, and the expiry or the default one) and the end of every session
   * of the user commit together.
   */
  public UserView ban(Caller caller, String userId, String reason, Optional<Long> expiresIn) {
    require(caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    lockActor(caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    User user = identities.findLocked(userId).orElseThrow(AdminService::notFound);
    if (user.getId().equals(caller.userId())) {
      throw new AuthException(ErrorCode.YOU_CANNOT_BAN_YOURSELF);
    }
    keepAnAdministrator(user, false);
    Instant now = now();
    JsonObject before = user.auditState();
    Instant expires =
        expiresIn
            .map(s -> now.plusSeconds(s))
            .or(() -> settings.defaultBanExpiresIn().map(now::plus))
            .orElse(null);
    user.ban(
        reason == null || reason.isEmpty() ? settings.defaultBanReason() : reason, expires, now);
    sessions.endAllOf(user.getId());
    audit.record(
        AuditAction.ADMIN_BAN_USER,
        caller.actor(),
        user.getId(),
        Changes.between(before, user.auditState()).note("sessions", "revoked"));
    return UserView.from(user);
  }

  /** unban-user. */
  public UserView unban(Caller caller, String userId) {
    require(caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    lockActor(caller, "user", "ban", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    User user = identities.findLocked(userId).orElseThrow(AdminService::notFound);
    JsonObject before = user.auditState();
    user.liftBan(now());
    audit.record(
        AuditAction.ADMIN_UNBAN_USER,
        caller.actor(),
        user.getId(),
        Changes.between(before, user.auditState()));
    return UserView.from(user);
  }

  /**
   * remove-user: not oneself (checked before the user is looked up, as in Better Auth), the user
   * exists and is not the last administrator; the user goes with its sessions, accounts and pending
   * links.
   */
  public void removeUser(Caller caller, String userId) {
    require(caller, "user", "delete", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS);
    if (userId.equals(caller.userId())) {
      throw new AuthException(ErrorCode.YOU_CANNOT_REMOVE_YOURSELF);
    }
    lockActor(caller, "user", "delete", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS);
    User user = identities.findLocked(userId).orElseThrow(AdminService::notFound);
    keepAnAdministrator(user, false);
    JsonObject before = user.auditState();
    verifications.deleteAllOf(user.getId());
    sessions.endAllOf(user.getId());
    identities.remove(user);
    audit.record(
        AuditAction.ADMIN_REMOVE_USER,
        caller.actor(),
        userId,
        Changes.between(before, JsonValue.EMPTY_JSON_OBJECT));
  }

  /**
   * set-user-password: stores a new hash (creating the credential account if the user had none);
   * the user's pending mailed links and any sign-in lockout end, its sessions stay (as in Better
   * Auth).
   */
  public void setUserPassword(Caller caller, String userId, String newPassword) {
    require(caller, "user", "set-password", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD);
    String hash = passwords.hash(newPassword); // slow: before any lock
    lockActor(caller, "user", "set-password", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD);
    User user = identities.findLocked(userId).orElseThrow(AdminService::notFound);
    identities.storePassword(user, hash);
    verifications.deleteAllOf(user.getId());
    audit.record(
        AuditAction.ADMIN_SET_PASSWORD,
        caller.actor(),
        user.getId(),
        Changes.none().note("password", "changed"));
  }

  // --- sessions ---------------------------------------------------------------------------

  /** list-user-sessions: every row of the user, expired and impersonation ones included. */
  public List<SessionView> listUserSessions(Caller caller, String userId) {
    require(caller, "session", "list", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS);
    return sessions.listAllOf(userId);
  }

  /** revoke-user-session: the session the token names ends, whoever's it is. */
  public void revokeUserSession(Caller caller, String token) {
    require(caller, "session", "revoke", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
    lockActor(caller, "session", "revoke", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
    sessions
        .endByToken(token)
        .ifPresent(
            owner ->
                audit.record(
                    AuditAction.ADMIN_REVOKE_SESSION,
                    caller.actor(),
                    owner,
                    Changes.none().note("sessions", "1 revoked")));
  }

  /** revoke-user-sessions: every session of the user ends. */
  public void revokeUserSessions(Caller caller, String userId) {
    require(caller, "session", "revoke", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
    lockActor(caller, "session", "revoke", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
    sessions.endAllOf(userId);
    audit.record(
        AuditAction.ADMIN_REVOKE_SESSIONS,
        caller.actor(),
        userId,
        Changes.none().note("sessions", "all revoked"));
  }

  // --- impersonation ----------------------------------------------------------------------

  /**
   * impersonate-user: a session as the user, naming the administrator, for the configured time
   * (never extended). An administrator target needs {@code impersonate-admins} (which Better Auth's
   * default admin role lacks) unless impersonating admins is allowed; a banned user cannot be
   * impersonated (no session opens for a banned user).
   */
  public Impersonation impersonate(Caller caller, String userId, ClientInfo client) {
    require(caller, "user", "impersonate", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS);
    User actor =
        lockActor(
            caller, "user", "impersonate", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS);
    User target = identities.findLocked(userId).orElseThrow(AdminService::notFound);
    if (access().isAdmin(target.getId(), target.getRole())
        && !settings.allowImpersonatingAdmins()
        && !access().allows(actor.getId(), actor.getRole(), "user", "impersonate-admins")) {
      throw new AuthException(ErrorCode.YOU_CANNOT_IMPERSONATE_ADMINS);
    }
    if (target.checkBanAt(now())) {
      throw new AuthException(ErrorCode.BANNED_USER);
    }
    IssuedSession issued =
        sessions.issueImpersonation(
            target, actor.getId(), settings.impersonationDuration(), client);
    audit.record(
        AuditAction.IMPERSONATION_START,
        caller.actor(),
        target.getId(),
        Changes.none()
            .note("sessionId", issued.session().id())
            .note(
                "expiresAt",
                dev.betterauthjakarta.platform.WireDates.format(issued.session().expiresAt())));
    return new Impersonation(issued, UserView.from(target));
  }

  /**
   * stop-impersonating: the caller's session must be an impersonation session and {@code
   * adminToken} (from the {@code admin_session} cookie) a live session of the administrator behind
   * it; the impersonation session ends and the administrator's session and user come back.
   *
   * @throws AuthException 400 NOT_IMPERSONATING, 400 FAILED_TO_FIND_ADMIN_SESSION
   */
  public SessionAndUser stopImpersonating(Caller caller, Optional<String> adminToken) {
    String adminId =
        caller.impersonatedBy().orElseThrow(() -> new AuthException(ErrorCode.NOT_IMPERSONATING));
    SessionView adminSession =
        adminToken
            .flatMap(sessions::findLive)
            .filter(s -> s.userId().equals(adminId))
            .orElseThrow(() -> new AuthException(ErrorCode.FAILED_TO_FIND_ADMIN_SESSION));
    User admin =
        identities
            .find(adminId)
            .orElseThrow(() -> new AuthException(ErrorCode.FAILED_TO_FIND_ADMIN_SESSION));
    sessions.end(caller.sessionId());
    audit.record(
        AuditAction.IMPERSONATION_STOP,
        caller.actor(),
        caller.userId(),
        Changes.none().note("sessionId", caller.sessionId()));
    return new SessionAndUser(adminSession, UserView.from(admin));
  }

  // --- permissions and the audit trail ------------------------------------------------------

  /**
   * has-permission over HTTP: the caller's own permissions ({@code userId}/{@code role} ignored).
   */
  public boolean hasPermission(Caller caller, Map<String, List<String>> permissions) {
    return access().allows(caller.userId(), caller.user().role(), permissions);
  }

  /** list-audit-events (this service's route; needs {@code audit: [list]}). */
  public AuditPage listAuditEvents(Caller caller, AuditQuery query) {
    require(caller, "audit", "list", ErrorCode.YOU_ARE_NOT_ALLOWED_TO_LIST_AUDIT_EVENTS);
    return audit.list(query);
  }

  // --- the first administrator ----------------------------------------------------------------

  /**
   * Names the configured first administrator, if that user exists and is not one yet: at start-up
   * (the user signed up before the setting was made) and at sign-up ({@link AdminBootstrap}).
   */
  public void promoteInitialAdmin() {
    Optional<String> named = settings.initialAdmin();
    if (named.isEmpty()) {
      return;
    }
    AdvisoryLocks.lock(em, ADMIN_SET_LOCK); // several instances starting at once promote once
    Optional<User> user =
        identities
            .find(named.get())
            .or(() -> identities.findByEmail(Emails.normalize(named.get())));
    user.ifPresent(this::promote);
  }

  /** Gives the user the first admin role, unless it is an administrator already. */
  public void promote(User user) {
    if (access().isAdmin(user.getId(), user.getRole())) {
      return;
    }
    JsonObject before = user.auditState();
    user.changeRole(access().firstAdminRole(), now());
    audit.record(
        AuditAction.ADMIN_BOOTSTRAP,
        Actor.system(),
        user.getId(),
        Changes.between(before, user.auditState())
            .note("reason", "better.auth.admin.initial-admin"));
  }

  // --- rules ----------------------------------------------------------------------------------

  private AccessControl access() {
    return settings.access();
  }

  /** The permission check on the role the session filter read (no lock, no database). */
  private void require(Caller caller, String resource, String action, ErrorCode otherwise) {
    if (!access().allows(caller.userId(), caller.user().role(), resource, action)) {
      throw new AuthException(otherwise);
    }
  }

  /**
   * Takes the admin-set lock, then the caller's row (which also proves the session still exists),
   * and checks the permission again on that current row.
   *
   * @throws AuthException 401 when the session or the user is gone, the 403 {@code otherwise} when
   *     the permission was lost meanwhile
   */
  private User lockActor(Caller caller, String resource, String action, ErrorCode otherwise) {
    AdvisoryLocks.lock(em, ADMIN_SET_LOCK);
    User actor = sessions.lockCaller(caller);
    recheck(actor, caller, resource, action, otherwise);
    return actor;
  }

  private void recheck(
      User actor, Caller caller, String resource, String action, ErrorCode otherwise) {
    if (!access().allows(actor.getId(), actor.getRole(), resource, action)
        || actor.checkBanAt(now())) {
      throw new AuthException(otherwise);
    }
  }

  /** Better Auth checks roles against the configured ones only when roles are configured. */
  private void checkAssignable(List<String> roles) {
    for (String role : roles) {
      if (!access().mayAssign(role)) {
        throw new AuthException(ErrorCode.YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE);
      }
    }
  }

  /**
   * An administrator cannot remove, ban or demote the last administrator: when {@code target} is an
   * active (unbanned) administrator and will not stay one, another active one must exist. Runs
   * under the admin-set lock, so the count cannot change until this transaction ends.
   *
   * @throws AuthException 400 YOU_CANNOT_REMOVE_THE_LAST_ADMIN
   */
  private void keepAnAdministrator(User target, boolean staysAdministrator) {
    boolean isActiveAdmin =
        access().isAdmin(target.getId(), target.getRole()) && !target.checkBanAt(now());
    if (isActiveAdmin && !staysAdministrator && activeAdministrators() <= 1) {
      throw new AuthException(ErrorCode.YOU_CANNOT_REMOVE_THE_LAST_ADMIN);
    }
  }

  /** Unbanned users with an admin role (or an admin user id). */
  private long activeAdministrators() {
    Object count =
        em.createNativeQuery(
                "select count(*) from \"user\" where (\"banned\" is not true"
                    + " or (\"banExpires\" is not null and \"banExpires\" <= now()))"
                    + " and (string_to_array(coalesce(nullif(\"role\", ''), ?1), ',')"
                    + " && string_to_array(?2, ',') or \"id\" = any(string_to_array(?3, ',')))")
            .setParameter(1, access().defaultRole())
            .setParameter(2, String.join(",", access().adminRoles()))
            .setParameter(3, String.join(",", access().adminUserIds()))
            .getSingleResult();
    return ((Number) count).longValue();
  }

  private void applyBan(User user, UserData data, Instant now) {
    if (!data.hasBanFields()) {
      return;
    }
    boolean banned = data.banned().orElse(user.isBanned());
    if (banned) {
      String reason = data.banReason().present() ? data.banReason().value() : user.getBanReason();
      Instant expires =
          data.banExpires().present() ? data.banExpires().value() : user.getBanExpires();
      user.ban(reason, expires, now);
      if (data.banned().orElse(false)) {
        sessions.endAllOf(user.getId()); // as ban-user: a banned user keeps no session
      }
    } else {
      user.liftBan(now);
    }
  }

  /** JDBC {@code ?} marks as EclipseLink's numbered {@code ?1, ?2, ...}. */
  private static String numbered(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?') {
        out.append('?').append(++n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static AuthException notFound() {
    return new AuthException(ErrorCode.USER_NOT_FOUND);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

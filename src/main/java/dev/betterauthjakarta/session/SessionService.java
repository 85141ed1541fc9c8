package dev.betterauthjakarta.session;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.IdentitySettings;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Tokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creates, resolves, extends and ends sessions. */
@Stateless
public class SessionService {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SessionSettings settings;
  @Inject IdentityService identities;
  @Inject IdentitySettings identitySettings;
  @Inject SecondFactor secondFactor;
  @Inject AuditTrail audit;

  /** Sign-in: a new session for the user, 7 days (1 day with rememberMe false). */
  public IssuedSession issue(User user, boolean rememberMe, ClientInfo client) {
    Instant now = now();
    String token = Tokens.generate();
    Duration lifetime = rememberMe ? settings.expiresIn() : settings.shortExpiresIn();
    Session session =
        new Session(
            UUID.randomUUID().toString(),
            Tokens.hash(token),
            user.getId(),
            now,
            now.plus(lifetime),
            client.ipAddress(),
            client.userAgent());
    em.persist(session);
    return new IssuedSession(token, SessionView.from(session, token));
  }

  /**
   * An administrator's session as {@code user} (impersonation): it carries {@code impersonatedBy}
   * and lives {@code lifetime}, never extended (it counts as a short session).
   */
  public IssuedSession issueImpersonation(
      User user, String adminId, Duration lifetime, ClientInfo client) {
    Instant now = now();
    String token = Tokens.generate();
    Session session =
        Session.impersonation(
            UUID.randomUUID().toString(),
            Tokens.hash(token),
            user.getId(),
            adminId,
            now,
            now.plus(lifetime),
            client.ipAddress(),
            client.userAgent());
    em.persist(session);
    return new IssuedSession(token, SessionView.from(session, token));
  }

  /**
   * Every session row of the user, expired and impersonation ones included, for an administrator;
   * each {@code token} is the stored hash, never a credential.
   */
  public List<SessionView> listAllOf(String userId) {
    return em.createNamedQuery(Session.ALL_OF_USER, Session.class)
        .setParameter("userId", userId)
        .getResultStream()
        .map(s -> SessionView.from(s, s.getToken()))
        .toList();
  }

  /**
   * The live session a raw (or signed) token opens, if any, without extending it or checking the
   * user (stop-impersonating looks up the administrator's own session this way).
   */
  public Optional<SessionView> findLive(String token) {
    String raw = token.contains(".") ? token.substring(0, token.indexOf('.')) : token;
    return em.createNamedQuery(Session.BY_TOKEN_HASH, Session.class)
        .setParameter("token", Tokens.hash(raw))
        .getResultStream()
        .filter(s -> !s.isExpiredAt(now()))
        .findFirst()
        .map(s -> SessionView.from(s, raw));
  }

  /**
   * Ends whichever session the token names (raw, signed, or the hash the lists show), whoever it
   * belongs to: an administrator's revoke-user-session.
   *
   * @return the user the session belonged to, if one was ended
   */
  public Optional<String> endByToken(String token) {
    String raw = token.contains(".") ? token.substring(0, token.indexOf('.')) : token;
    for (String hash : Set.of(Tokens.hash(raw), token)) {
      Optional<Session> found =
          em.createNamedQuery(Session.BY_TOKEN_HASH, Session.class)
              .setParameter("token", hash)
              .getResultStream()
              .findFirst();
      if (found.isPresent()) {
        em.remove(found.get());
        return Optional.of(found.get().getUserId());
      }
    }
    return Optional.empty();
  }

  /**
   * The one gate every sign-in passes once the identity is proved, whatever proved it (a password,
   * an identity provider's answer or id token): a banned user gets no session, an unverified email
   * none when verification is required, and a two-factor user stops before the session. The caller
   * holds the user's row lock, so a ban or credential change cannot slip in between.
   *
   * @param user the user, locked by the caller
   * @param proof what proved the identity (password or provider), for the second-factor decision
   *     and the audit trail (method {@code password}, or the provider id)
   * @throws AuthException 403 BANNED_USER, 403 EMAIL_NOT_VERIFIED
   */
  public SignInGate signIn(User user, boolean rememberMe, ClientInfo client, FirstFactor proof) {
    if (user.checkBanAt(now())) {
      throw new AuthException(ErrorCode.BANNED_USER);
    }
    if (identitySettings.requireEmailVerification() && !user.isEmailVerified()) {
      throw new AuthException(ErrorCode.EMAIL_NOT_VERIFIED);
    }
    if (user.isTwoFactorEnabled()) {
      // Every first factor stops here (Better Auth checks only its password routes).
      Optional<SecondFactor.Pending> pending =
          secondFactor.challenge(user, proof, rememberMe, client);
      if (pending.isPresent()) {
        return new SignInGate.SecondFactorRequired(pending.get().token(), pending.get().methods());
      }
    }
    IssuedSession issued = issue(user, rememberMe, client);
    audit.record(
        AuditAction.SIGN_IN,
        Actor.user(user.getId()),
        user.getId(),
        Changes.none()
            .note("method", proof.equals(FirstFactor.password()) ? "password" : proof.providerId())
            .note("sessionId", issued.session().id()));
    return new SignInGate.Opened(issued, UserView.from(user));
  }

  /**
   * The caller behind a raw token, or empty for an unknown, expired or banned one. Expired rows are
   * deleted on sight, an expired ban is lifted, and a session whose last extension is older than
   * updateAge is extended (sliding refresh) unless the client asked not to. Requests go through
   * {@link SessionResolver#resolve}, which comes here only when one of these writes is due.
   */
  public Optional<Caller> authenticate(String token, boolean allowRefresh) {
    Optional<Session> found =
        em.createNamedQuery(Session.BY_TOKEN_HASH, Session.class)
            .setParameter("token", Tokens.hash(token))
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Session session = found.get();
    Instant now = now();
    if (session.isExpiredAt(now)) {
      em.remove(session);
      return Optional.empty();
    }
    User user = em.find(User.class, session.getUserId());
    if (user == null || user.checkBanAt(now)) {
      // Bans are enforced on every request, so a banned user's sessions stop working at once.
      return Optional.empty();
    }
    boolean refreshed = false;
    if (allowRefresh
        && !session.isShortLived(settings.shortExpiresIn())
        && session.isDueForRefresh(now, settings.expiresIn(), settings.updateAge())) {
      session.extend(now, settings.expiresIn());
      refreshed = true;
    }
    boolean fresh = session.isFreshAt(now, settings.freshAge());
    return Optional.of(
        new Caller(SessionView.from(session, token), UserView.from(user), token, refreshed, fresh));
  }

  /** Sign-out: the caller's own session ends. */
  public void end(String sessionId) {
    Session session = em.find(Session.class, sessionId);
    if (session != null) {
      em.remove(session);
    }
  }

  /** Sign-out: a pending sign-in the request names (cookie or header) dies too. */
  public void abandonPending(String handle) {
    secondFactor.abandon(handle);
  }

  /** Every session of the user ends (password reset, revoke-sessions, deletion). */
  public void endAllOf(String userId) {
    em.createNamedQuery(Session.DELETE_BY_USER).setParameter("userId", userId).executeUpdate();
  }

  /**
   * The caller's live sessions, for review. Listing shows where one is signed in, so it needs a
   * fresh session; each {@code token} is the stored hash, which revoke-session accepts but which is
   * useless as a bearer credential (Better Auth lists live tokens here).
   */
  public List<SessionView> listActive(Caller caller) {
    caller.requireFresh();
    return em.createNamedQuery(Session.ACTIVE_OF_USER, Session.class)
        .setParameter("userId", caller.userId())
        .setParameter("now", now())
        .getResultStream()
        .map(s -> SessionView.from(s, s.getToken()))
        .toList();
  }

  /**
   * Ends one of the caller's own sessions, named by its raw token (or signed form) or by the hash
   * list-sessions shows. Someone else's or an unknown token changes nothing and gets the same
   * answer, so the route is no oracle for tokens.
   */
  public void revoke(Caller caller, String token) {
    lockCaller(caller);
    String raw = token.contains(".") ? token.substring(0, token.indexOf('.')) : token;
    for (String hash : Set.of(Tokens.hash(raw), token)) {
      em.createNamedQuery(Session.DELETE_BY_USER_AND_TOKEN)
          .setParameter("userId", caller.userId())
          .setParameter("token", hash)
          .executeUpdate();
    }
  }

  /**
   * The caller's user row, locked until the transaction ends, after checking that the session the
   * request authenticated with still exists. Every change a caller makes goes through here, so it
   * serialises with credential changes and revocations: a request whose session was revoked while
   * it was in flight changes nothing.
   *
   * @throws AuthException 401 UNAUTHORIZED when the user or the session is gone
   */
  public User lockCaller(Caller caller) {
    return lockUserOfSession(caller.userId(), caller.sessionId());
  }

  /**
   * {@link #lockCaller} for a change a caller started earlier and that completes without it (a
   * link-social flow finished by the provider's redirect): the user's row, locked, if the session
   * that started the change still exists and is the user's. A sign-out, revocation or credential
   * change in between ends the pending change with the session.
   *
   * @throws AuthException 401 UNAUTHORIZED when the user or that session is gone
   */
  public User lockUserOfSession(String userId, String sessionId) {
    User user = identities.lock(userId);
    Session session = sessionId == null ? null : em.find(Session.class, sessionId);
    if (session == null
        || !session.getUserId().equals(userId)
        || session.isExpiredAt(clock.instant())) {
      throw new AuthException(ErrorCode.UNAUTHORIZED);
    }
    return user;
  }

  /**
   * Who an audit event names for what a session asked for: its user and, when it is an
   * impersonation session, the administrator too ({@link Caller#actor()} for a session that is not
   * the current request's, e.g. the one that started a redirect flow).
   *
   * @param userId the user the session is expected to belong to
   * @param sessionId the session, or {@code null}
   * @return the session's actor; just the user if the session is gone or not theirs
   */
  public Actor actorOfSession(String userId, String sessionId) {
    Session session = sessionId == null ? null : em.find(Session.class, sessionId);
    return session == null || !session.getUserId().equals(userId)
        ? Actor.user(userId)
        : new Actor(userId, session.getImpersonatedBy());
  }

  /**
   * {@code /revoke-sessions}: every session of the caller ends, this one included. The user row is
   * locked first, like every credential change, so a change-password that issues a new session and
   * this revoke run one after the other: whichever runs second sees the other's result, and no
   * session created before the revoke survives it.
   */
  public void revokeAll(Caller caller) {
    lockCaller(caller);
    endAllOf(caller.userId());
  }

  /** Every session of the caller but the current one ends (user row locked, see revokeAll). */
  public void revokeOthers(Caller caller) {
    lockCaller(caller);
    em.createNamedQuery(Session.DELETE_OTHERS_OF_USER)
        .setParameter("userId", caller.userId())
        .setParameter("keep", caller.sessionId())
        .executeUpdate();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}

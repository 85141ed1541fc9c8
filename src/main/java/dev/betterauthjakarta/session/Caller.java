package dev.betterauthjakarta.session;

import dev.betterauthjakarta.audit.Actor;
import dev.betterauthjakarta.identity.UserView;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling: the session and user as the session filter found them, whether that lookup
 * extended the session (the response then carries {@code set-auth-token}), and whether the session
 * is fresh (signed in within {@code fresh-age}; sliding refresh never makes it fresh again).
 */
public record Caller(
    SessionView session, UserView user, String token, boolean refreshed, boolean fresh)
    implements Principal {

  @Override
  public String getName() {
    return user.id();
  }

  public String userId() {
    return user.id();
  }

  public String sessionId() {
    return session.id();
  }

  /** The administrator behind an impersonation session, if this is one. */
  public Optional<String> impersonatedBy() {
    return Optional.ofNullable(session.impersonatedBy());
  }

  /** Who an audit event names: this user and, when impersonated, the administrator too. */
  public Actor actor() {
    return new Actor(userId(), session.impersonatedBy());
  }

  /**
   * The one freshness rule of sensitive routes (list sessions, unlink, set a password).
   *
   * @throws AuthException 403 SESSION_NOT_FRESH when the sign-in is older than fresh-age
   */
  public void requireFresh() {
    requireFresh(ErrorCode.SESSION_NOT_FRESH);
  }

  /**
   * The freshness rule with the error a route answers (delete-user: 400 SESSION_EXPIRED, as in
   * Better Auth).
   */
  public void requireFresh(ErrorCode otherwise) {
    if (!fresh) {
      throw new AuthException(otherwise);
    }
  }

  /** The caller the session filter put on the security context, if any. */
  public static Optional<Caller> find(SecurityContext context) {
    return context != null && context.getUserPrincipal() instanceof Caller c
        ? Optional.of(c)
        : Optional.empty();
  }

  /**
   * The caller, required.
   *
   * @throws AuthException 401 UNAUTHORIZED without a valid session
   */
  public static Caller of(SecurityContext context) {
    return find(context).orElseThrow(() -> new AuthException(ErrorCode.UNAUTHORIZED));
  }
}

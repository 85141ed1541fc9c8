package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.user.UserView;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is calling: the session and user as the bearer filter found them, and whether that lookup
 * extended the session (then the response carries {@code set-auth-token}).
 */
public record Caller(SessionView session, UserView user, String token, boolean refreshed)
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

  /** Fresh means signed in recently; sliding refresh never makes a session fresh again. */
  public boolean isFreshAt(Instant now, Duration freshAge) {
    return freshAge.isZero() || session.createdAt().plus(freshAge).isAfter(now);
  }

  public static Optional<Caller> find(SecurityContext context) {
    return context != null && context.getUserPrincipal() instanceof Caller c
        ? Optional.of(c)
        : Optional.empty();
  }

  public static Caller of(SecurityContext context) {
    return find(context).orElseThrow(() -> new AuthException(ErrorCode.UNAUTHORIZED));
  }
}

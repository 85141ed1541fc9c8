package dev.betterauthjakarta.session;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Resolves {@code Authorization: Bearer <token>} (or the session cookie) into a {@link Caller} on
 * the security context. A credential that does not resolve is ignored here (get-session then
 * answers null); routes marked {@link Authenticated} turn the missing caller into a 401 in {@link
 * RequireSessionFilter}, and a dead cookie is cleared on the way out.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionAuthenticationFilter implements ContainerRequestFilter {
  static final String DEAD_COOKIE = "better-auth.dead-session-cookie";

  @Inject SessionCredentials credentials;
  @Inject SessionResolver sessions;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean allowRefresh =
        !"true".equals(request.getUriInfo().getQueryParameters().getFirst("disableRefresh"));
    credentials
        .fromRequest(request)
        .ifPresent(
            presented -> {
              var caller = presented.token().flatMap(t -> sessions.resolve(t, allowRefresh));
              if (caller.isPresent()) {
                request.setSecurityContext(
                    new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
              } else if (presented.viaCookie()) {
                request.setProperty(DEAD_COOKIE, true);
              }
            });
  }

  private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return role != null && role.equals(caller.user().role());
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}

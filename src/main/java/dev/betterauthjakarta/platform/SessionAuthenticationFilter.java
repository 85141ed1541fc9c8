package dev.betterauthjakarta.platform;

import dev.betterauthjakarta.session.BearerTokens;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Resolves {@code Authorization: Bearer <token>} into a {@link Caller} on the security context.
 * A header that does not resolve is ignored here (get-session then answers null); routes marked
 * {@link Authenticated} turn the missing caller into a 401 in {@link RequireSessionFilter}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {
  @Inject BearerTokens bearerTokens;
  @Inject SessionService sessions;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean allowRefresh =
        !"true".equals(request.getUriInfo().getQueryParameters().getFirst("disableRefresh"));
    bearerTokens
        .fromAuthorization(header)
        .flatMap(token -> sessions.authenticate(token, allowRefresh))
        .ifPresent(
            caller ->
                request.setSecurityContext(
                    new CallerContext(caller, request.getSecurityContext().isSecure())));
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

package dev.betterauthjakarta.session;

import dev.betterauthjakarta.platform.Headers;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * When resolving the caller extended the session, the response says so ({@code set-auth-token} and
 * a fresh cookie), as Better Auth does on every refreshing call; a cookie whose session is gone is
 * cleared.
 */
@Provider
public class SessionCredentialResponseFilter implements ContainerResponseFilter {
  @Inject SessionCredentials credentials;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getHeaders().containsKey(Headers.SET_AUTH_TOKEN)
        || response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
      return; // the route already handed out (or cleared) the session
    }
    if (request.getProperty(SessionAuthenticationFilter.DEAD_COOKIE) != null) {
      for (String cookie : credentials.clearingCookies()) {
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
      }
      return;
    }
    Caller.find(request.getSecurityContext())
        .filter(Caller::refreshed)
        .ifPresent(
            c -> credentials.addSession(response.getHeaders(), request, c.token(), c.session()));
  }
}

package dev.betterauthjakarta.platform;

import dev.betterauthjakarta.session.BearerTokens;
import dev.betterauthjakarta.session.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * When resolving the caller extended the session, the response says so with
 * {@code set-auth-token}, as Better Auth does on every refreshing call.
 */
@Provider
public class SessionRefreshHeaderFilter implements ContainerResponseFilter {
  @Inject BearerTokens bearerTokens;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getHeaders().containsKey(BearerTokens.SET_AUTH_TOKEN)) {
      return;
    }
    Caller.find(request.getSecurityContext())
        .filter(Caller::refreshed)
        .ifPresent(
            caller -> {
              response.getHeaders().add(BearerTokens.SET_AUTH_TOKEN, bearerTokens.signed(caller.token()));
              response.getHeaders().add(BearerTokens.EXPOSE_HEADERS, BearerTokens.SET_AUTH_TOKEN);
            });
  }
}

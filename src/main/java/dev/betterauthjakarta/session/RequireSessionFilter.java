package dev.betterauthjakarta.session;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

@Provider
@Authenticated
@Priority(Priorities.AUTHORIZATION)
public class RequireSessionFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    Caller.of(request.getSecurityContext());
  }
}

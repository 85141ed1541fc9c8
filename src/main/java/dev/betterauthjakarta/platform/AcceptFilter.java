package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * An {@code Accept} header the JAX-RS runtime cannot parse ({@code %%%}, {@code q=x}) is dropped
 * before the runtime picks a response type with it, which would otherwise end in the server's error
 * page: Better Auth ignores Accept, and every answer here is JSON. (A broken Content-Type is
 * handled earlier, by {@link ContentTypeFilter}.)
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public class AcceptFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.ACCEPT) == null) {
      return;
    }
    try {
      request.getAcceptableMediaTypes();
    } catch (RuntimeException e) {
      // The runtime's header parsing error (IllegalArgumentException or ProcessingException).
      request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
  }
}

package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A POST without a body reads as {@code {}} (Better Auth's clients post nothing to routes whose
 * fields are all optional), so request records are always bound and validated, never null.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class EmptyBodyFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if ("POST".equals(request.getMethod()) && !request.hasEntity()) {
      request.setEntityStream(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
    }
  }
}

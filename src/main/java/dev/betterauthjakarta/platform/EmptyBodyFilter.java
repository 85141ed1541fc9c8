package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a POST body is before any reader sees it. Without a body it reads as {@code {}} (Better
 * Auth's clients post nothing to routes whose fields are all optional), so request records are
 * always bound and validated, never null. A body without a {@code Content-Type} is refused with
 * 415: reading it as JSON would let a cross-site page post JSON without the CORS preflight that a
 * JSON content type forces.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class EmptyBodyFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    if (!request.hasEntity()) {
      request.setEntityStream(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
    } else if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      throw new AuthException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type \"\" is not allowed. Allowed types: application/json");
    }
  }
}

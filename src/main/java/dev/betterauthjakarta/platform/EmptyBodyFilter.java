package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a POST body is before any reader sees it. Without a body it reads as {@code {}} (Better
 * Auth's clients post nothing to routes whose fields are all optional), so request records are
 * always bound and validated, never null. A body without a {@code Content-Type} is refused with
 * 415: reading it as JSON would let a cross-site page post JSON without the CORS preflight that a
 * JSON content type forces.
 *
 * <p>Pre-matching, and an empty body without a type is given the JSON type, so the WAR decides, not
 * the server: RESTEasy (WildFly) refuses a body-less POST to a {@code @Consumes(JSON)} method with
 * 415 while matching, where Jersey (Payara) lets it through.
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class EmptyBodyFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    // Whether a body is there is read from the stream itself: hasEntity() is not portable
    // (RESTEasy's pre-matching context answers whether a Content-Type was sent).
    BufferedInputStream body = new BufferedInputStream(request.getEntityStream());
    body.mark(1);
    boolean empty = body.read() < 0;
    body.reset();
    if (empty) {
      request.setEntityStream(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
      if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
      }
      return;
    }
    request.setEntityStream(body);
    if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      throw new AuthException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type \"\" is not allowed. Allowed types: application/json");
    }
  }
}

package dev.betterauthjakarta.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Refuses a declared body over the limit before anything reads it. */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class BodyLimitFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return;
    }
    long declared;
    try {
      declared = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw new AuthException(ErrorCode.BAD_REQUEST, "Invalid Content-Length");
    }
    if (declared > JsonBodyReader.MAX_BYTES) {
      throw new AuthException(ErrorCode.PAYLOAD_TOO_LARGE);
    }
  }
}

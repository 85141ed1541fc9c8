package dev.betterauthjakarta.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class AuthExceptionMapper implements ExceptionMapper<AuthException> {

  @Override
  public Response toResponse(AuthException e) {
    var response = ErrorBody.response(e.status(), e.code(), e.getMessage());
    if (e.status() == 401) {
      // RFC 6750: a 401 names the scheme the client should use.
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    e.headers().forEach(response::header);
    return response.build();
  }
}

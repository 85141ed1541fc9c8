package dev.betterauthjakarta.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors raised by the JAX-RS runtime (unknown path, wrong method, wrong content type, ...) in
 * the same {code, message} shape. Headers such as {@code Allow} on a 405 are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    ErrorCode code = ErrorCode.forStatus(status);
    if (status >= 500) {
      LOG.log(Level.SEVERE, "Server error in the JAX-RS runtime", e);
    }
    var response = ErrorBody.response(status, code, code.message());
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    return response.build();
  }
}

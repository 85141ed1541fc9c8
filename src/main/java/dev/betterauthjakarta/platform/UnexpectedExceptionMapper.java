package dev.betterauthjakarta.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: logs the failure with its stack trace under an incident id and answers a generic
 * 500 that reveals nothing about the internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    AuthException domain = findDomainCause(e);
    if (domain != null) {
      // A domain error that crossed a boundary wrapped (e.g. in an EJBException).
      return new AuthExceptionMapper().toResponse(domain);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    ErrorCode code = ErrorCode.INTERNAL_SERVER_ERROR;
    return ErrorBody.response(code.status(), code, code.message() + " (incident " + incident + ")")
        .build();
  }

  private static AuthException findDomainCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthException a) {
        return a;
      }
    }
    return null;
  }
}

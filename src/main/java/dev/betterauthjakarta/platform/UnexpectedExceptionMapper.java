package dev.betterauthjakarta.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A database that cannot answer now ({@link DatabaseFailures}) gets 503
 * SERVICE_UNAVAILABLE with {@code Retry-After}; anything else is logged with its stack trace under
 * an incident id and answered with a generic 500 that reveals nothing about the internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  /**
   * Seconds a client should wait before retrying after a 503. An outage outlasts the database
   * timeout of a few seconds that produced the 503, so asking for less would only add load.
   */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    AuthException domain = findDomainCause(e);
    if (domain != null) {
      // A domain error that crossed a boundary wrapped (e.g. in an EJBException).
      return new AuthExceptionMapper().toResponse(domain);
    }
    Optional<Throwable> outage = DatabaseFailures.outage(e);
    if (outage.isPresent()) {
      // One line, no stack trace: an outage fails every request, and the trace says nothing new.
      LOG.warning("Database unavailable, answering 503: " + describe(outage.get()));
      ErrorCode code = ErrorCode.SERVICE_UNAVAILABLE;
      return ErrorBody.response(code.status(), code, code.message())
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    ErrorCode code = ErrorCode.INTERNAL_SERVER_ERROR;
    return ErrorBody.response(code.status(), code, code.message() + " (incident " + incident + ")")
        .build();
  }

  /**
   * The failure's class, SQLSTATE and message. Only the driver's own message: the JPA provider's
   * wrapper would add the SQL text.
   */
  private static String describe(Throwable t) {
    String state = t instanceof SQLException sql ? " [SQLSTATE " + sql.getSQLState() + "]" : "";
    return t.getClass().getName() + state + ": " + t.getMessage();
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

package dev.betterauthjakarta.platform;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The last resort. A database that cannot answer now ({@link DatabaseFailures}) gets 503
 * SERVICE_UNAVAILABLE with {@code Retry-After}; anything else is logged with its stack trace under
 * an incident id and answered with a generic 500 that reveals nothing about the internals.
 *
 * <p>A row that another request deleted or changed between this request's read and its commit
 * ({@link OptimisticLockException} anywhere in the causes: Hibernate on WildFly checks the update
 * count of every row it writes, e.g. a session refreshed while {@code revoke-sessions} deletes it)
 * is 409 CONFLICT: the request lost a race and may be retried. EclipseLink, without a version
 * column, writes such an update to no row and does not complain.
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
    if (lostARace(e)) {
      ErrorCode code = ErrorCode.CONFLICT;
      return ErrorBody.response(code.status(), code, code.message()).build();
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
    String incident = Incidents.report(LOG, "Unexpected error", e);
    ErrorCode code = ErrorCode.INTERNAL_SERVER_ERROR;
    return ErrorBody.response(code.status(), code, Incidents.message(incident)).build();
  }

  /**
   * The failure's class, SQLSTATE and message. Only the driver's own message: the JPA provider's
   * wrapper would add the SQL text.
   */
  private static String describe(Throwable t) {
    String state = t instanceof SQLException sql ? " [SQLSTATE " + sql.getSQLState() + "]" : "";
    return t.getClass().getName() + state + ": " + t.getMessage();
  }

  private static boolean lostARace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
    }
    return false;
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

package dev.betterauthjakarta.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Recognises a database that cannot answer now (unreachable, stalled past the timeouts of
 * payara-config/post-boot-commands.asadmin, shutting down, out of connections, or gone during a
 * commit), however the JPA provider, the EJB container, the transaction manager and the connection
 * pool wrapped the failure. Such a failure is no bug of the request: it deserves 503 and a retry,
 * not a 500 with an incident.
 */
public final class DatabaseFailures {
  /** Causes followed at most; cause chains are short, and a cycle must not loop. */
  private static final int MAX_CAUSES = 64;

  private DatabaseFailures() {}

  /**
   * The failure in {@code e}'s causes (and the next-exception chains of SQL failures) that shows
   * the database unavailable, if any.
   *
   * @param e any throwable, possibly null
   * @return the innermost recognised cause, or empty when the database is not to blame
   */
  public static Optional<Throwable> outage(Throwable e) {
    Throwable found = null;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    if (e != null) {
      todo.add(e);
    }
    while (!todo.isEmpty() && seen.size() < MAX_CAUSES) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (isOutage(t)) {
        found = t; // keep going: the innermost one names the real reason
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Whether {@code e} or one of its causes shows the database unavailable.
   *
   * @param e any throwable, possibly null
   * @return true for a connection failure, a timeout or an overloaded or stopping server
   */
  public static boolean isOutage(Throwable e) {
    return switch (e) {
      case SQLTransientConnectionException x -> true;
      case SQLNonTransientConnectionException x -> true;
      case SQLRecoverableException x -> true;
      case SQLTimeoutException x -> true;
      case SQLException sql -> isOutageState(sql.getSQLState());
      case QueryTimeoutException x -> true;
      case LockTimeoutException x -> true;
      // the connection pool could not hand out a connection (none free within the wait, or none
      // could be opened)
      case ResourceException x -> true;
      case SocketTimeoutException x -> true;
      case ConnectException x -> true;
      // a commit the resource could not carry out, as the transaction manager reports it when the
      // connection broke under it (the XAException's own cause is often not set)
      case XAException xa -> isOutageXaCode(xa.errorCode);
      default -> false;
    };
  }

  /**
   * A resource manager that failed or became unreachable (XAER_RMERR is what Payara reports for a
   * local transaction whose commit hit a broken connection), or a rollback for a communication
   * failure or a timeout. Not XA_RBROLLBACK and the like: those are conflicts, not outages.
   */
  static boolean isOutageXaCode(int code) {
    return code == XAException.XAER_RMERR
        || code == XAException.XAER_RMFAIL
        || code == XAException.XA_RBCOMMFAIL
        || code == XAException.XA_RBTIMEOUT;
  }

  /**
   * PostgreSQL's SQLSTATEs for "not now": class 08 (connection exception), 53 (insufficient
   * resources, e.g. too many connections), 57014 (statement cancelled, which statement_timeout
   * does), 57P0x (server shutting down or starting), 55P03 (lock not available).
   */
  static boolean isOutageState(String state) {
    if (state == null || state.length() != 5) {
      return false;
    }
    return state.startsWith("08")
        || state.startsWith("53")
        || state.equals("57014")
        || state.startsWith("57P")
        || state.equals("55P03");
  }
}

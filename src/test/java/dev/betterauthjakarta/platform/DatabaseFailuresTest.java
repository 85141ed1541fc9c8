package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.SystemException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot answer now" (503) and which are bugs (500). */
class DatabaseFailuresTest {

  /** As EclipseLink and the EJB container deliver a driver failure: wrapped twice or more. */
  private static Throwable wrapped(Throwable cause) {
    return new EJBException(new PersistenceException("Exception [EclipseLink-4002]", cause));
  }

  @Test
  void aStatementCancelledByStatementTimeoutIsAnOutage() {
    SQLException cancelled =
        new SQLException("canceling statement due to statement timeout", "57014");
    assertSame(cancelled, DatabaseFailures.outage(wrapped(cancelled)).orElseThrow());
  }

  @Test
  void aBrokenOrRefusedConnectionIsAnOutage() {
    assertTrue(DatabaseFailures.isOutage(new SQLException("I/O error", "08006")));
    assertTrue(
        DatabaseFailures.isOutage(new SQLException("Connection attempt timed out", "08001")));
    assertTrue(DatabaseFailures.outage(wrapped(new SQLTransientConnectionException())).isPresent());
    assertTrue(DatabaseFailures.outage(wrapped(new SocketTimeoutException())).isPresent());
  }

  @Test
  void aServerShuttingDownOrOutOfConnectionsIsAnOutage() {
    for (String state : new String[] {"57P01", "57P02", "57P03", "53300", "55P03"}) {
      assertTrue(DatabaseFailures.isOutage(new SQLException("x", state)), state);
    }
  }

  @Test
  void aPoolThatCannotHandOutAConnectionIsAnOutage() {
    // Payara: SQLException without SQLSTATE, caused by the connector's allocation failure
    Throwable pool =
        new SQLException(
            "Error in allocating a connection",
            new ResourceAllocationException("In-use connections equal max-pool-size"));
    assertTrue(DatabaseFailures.outage(wrapped(pool)).isPresent());
  }

  @Test
  void aQueryTimeoutReportedByJpaIsAnOutage() {
    assertTrue(DatabaseFailures.outage(new QueryTimeoutException("timeout")).isPresent());
  }

  @Test
  void aCommitThatHitABrokenConnectionIsAnOutage() {
    // Payara: SystemException from commit, caused by an XAException whose own cause is not set
    XAException xa =
        new XAException("LocalTransactionException: An I/O error occurred while sending");
    xa.errorCode = XAException.XAER_RMERR;
    SystemException commit = new SystemException();
    commit.initCause(xa);
    assertTrue(DatabaseFailures.outage(new EJBException(commit)).isPresent());
    XAException conflict = new XAException(XAException.XA_RBROLLBACK);
    assertFalse(DatabaseFailures.outage(new EJBException(conflict)).isPresent());
  }

  @Test
  void theInnermostRecognisedCauseIsReported() {
    SQLException driver = new SQLException("Connection attempt timed out", "08001");
    Throwable pool = new SQLException("Error in allocating a connection", driver);
    assertSame(driver, DatabaseFailures.outage(wrapped(pool)).orElseThrow());
  }

  @Test
  void theNextExceptionOfABatchIsLookedAt() {
    SQLException batch = new SQLException("Batch entry 0 was aborted", "0A000");
    batch.setNextException(new SQLException("I/O error", "08006"));
    assertTrue(DatabaseFailures.outage(wrapped(batch)).isPresent());
  }

  @Test
  void bugsAndDataErrorsAreNoOutage() {
    assertFalse(DatabaseFailures.outage(wrapped(new SQLException("unique", "23505"))).isPresent());
    assertFalse(DatabaseFailures.outage(wrapped(new SQLException("syntax", "42601"))).isPresent());
    assertFalse(DatabaseFailures.outage(wrapped(new SQLException("no state"))).isPresent());
    assertFalse(DatabaseFailures.outage(new IllegalStateException("bug")).isPresent());
    assertFalse(DatabaseFailures.outage(null).isPresent());
  }

  @Test
  void aCauseCycleEnds() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertFalse(DatabaseFailures.outage(a).isPresent());
  }
}

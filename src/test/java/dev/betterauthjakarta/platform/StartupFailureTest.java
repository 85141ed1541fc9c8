package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A failed start names its cause in one line: the driver's own words. */
class StartupFailureTest {

  @Test
  void theInnermostSqlExceptionSpeaks() {
    var driver = new SQLException("FATAL: password authentication failed for user \"auth\"");
    var pool =
        new IllegalStateException(
            "Error in allocating a connection. Cause: Connection could not be allocated", driver);
    var flyway = new RuntimeException("Unable to obtain connection\nfrom database", pool);
    assertEquals(
        "FATAL: password authentication failed for user \"auth\"", StartupFailure.describe(flyway));
  }

  @Test
  void withoutSqlExceptionTheInnermostMessageOnOneLine() {
    var e = new RuntimeException("outer", new ConnectException("Connection\n  refused"));
    assertEquals("Connection refused", StartupFailure.describe(e));
  }
}

package dev.betterauthjakarta.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The service cannot start (the database refuses the connection, a migration fails): one log line
 * naming the cause, and no stack trace, instead of a container's wall of them.
 *
 * <p>What happens next depends on the server. On Payara Micro started from its jar (recognised by
 * the {@code fish.payara.micro.BootJar} system property its launcher sets) a failed deployment
 * leaves a process that answers 404 for ever, so the process exits with status {@value #EXIT_CODE}
 * and the orchestrator or the operator sees it at once. Elsewhere (WildFly, a full Payara Server)
 * the exception fails the deployment and the server reports it (on WildFly: {@code WFLYCTL0186},
 * and a {@code ROOT.war.failed} marker in the deployments directory).
 */
public final class StartupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

  /** The exit status of a Payara Micro process whose deployment failed. */
  public static final int EXIT_CODE = 3;

  /** Seconds the shutdown hooks get before the process is halted. */
  private static final int HALT_AFTER_SECONDS = 10;

  private StartupFailure(String message) {
    super(message, null, false, false); // no cause, no stack trace: the message is the cause
  }

  /**
   * Logs {@code what} and the cause in one line, then stops the process on Payara Micro or returns
   * the exception that fails the deployment elsewhere.
   *
   * @param what what could not be done, e.g. "cannot connect to the database"
   * @param hint what the operator should check, or an empty string
   * @param cause the failure
   * @return the exception for the caller to throw (on Payara Micro this method does not return)
   */
  public static StartupFailure report(String what, String hint, Throwable cause) {
    String line =
        "better-auth-jakarta cannot start: "
            + what
            + ": "
            + describe(cause)
            + (hint.isEmpty() ? "" : " (" + hint + ")");
    LOG.log(Level.SEVERE, line);
    if (System.getProperty("fish.payara.micro.BootJar") != null) {
      exit();
    }
    return new StartupFailure(line);
  }

  /**
   * Opens one connection and checks it, so that a wrong password or an unreachable database stops
   * the start with the driver's own words on one line (the check both {@code Migrations} and, on
   * Payara, {@code DatabaseCheckAtDeployment} run first).
   *
   * @param dataSource the service's datasource
   * @throws StartupFailure when no connection can be opened (on Payara Micro the process exits)
   */
  public static void checkConnection(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      c.isValid(0);
    } catch (SQLException | RuntimeException e) {
      throw report(
          "cannot connect to the database",
          "check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD",
          e);
    }
  }

  /**
   * The most telling message in a chain of causes: the innermost {@link SQLException}'s (the
   * driver's own words, e.g. {@code FATAL: password authentication failed for user "auth"}), or
   * else the innermost message, on one line.
   *
   * @param e the failure
   * @return its cause as one line of text, never null
   */
  static String describe(Throwable e) {
    String sql = null;
    String innermost = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        innermost = t.getMessage();
        if (t instanceof SQLException) {
          sql = t.getMessage();
        }
      }
    }
    String message = sql != null ? sql : innermost != null ? innermost : e.getClass().getName();
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * Exits the process from the deploying thread, so that the container logs nothing more about the
   * deployment; a watchdog halts the process should a shutdown hook wait for that very thread.
   */
  private static void exit() {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_SECONDS * 1000L);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(EXIT_CODE);
            },
            "startup-failure-halt");
    watchdog.setDaemon(true);
    watchdog.start();
    System.exit(EXIT_CODE);
  }
}

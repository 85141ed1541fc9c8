package dev.betterauthjakarta.platform;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Connects once before EclipseLink does (persistence.xml names this class as the session
 * customizer, which EclipseLink runs before it logs in). Payara makes EclipseLink log in while it
 * deploys the WAR, before any bean of the WAR runs; a database that refuses the connection would
 * end that deployment with three stack traces and leave Payara Micro running without the service.
 * Checked here, it ends with one line and, on Payara Micro, the process exits ({@link
 * StartupFailure}). Hibernate (WildFly) ignores the property; there {@link Migrations} reports the
 * same failure.
 *
 * <p>It also switches off EclipseLink's query retry: a read outside a transaction (session
 * resolution, list-accounts) that fails for a communication error is by default run again up to
 * three times, a second apart, so a stalled database held such a request for four socket timeouts
 * and more instead of one ({@code DatabaseStallIT} saw 22 s with a 3 s timeout). A failed read now
 * answers 503 after one {@code DATABASE_TIMEOUT}, as it does inside a transaction.
 */
public class DatabaseCheckAtDeployment implements SessionCustomizer {
  /** The datasource the server defines (payara-config/post-boot-commands.asadmin). */
  private static final String DATASOURCE = "jdbc/betterauth";

  /**
   * Opens and closes one connection of the server's pool, and sets the query retry count to 0.
   *
   * @param session EclipseLink's session, whose login gets no query retry
   * @throws StartupFailure when the datasource is missing or the database refuses the connection
   *     (on Payara Micro the process exits instead)
   */
  @Override
  public void customize(Session session) {
    session.getLogin().setQueryRetryAttemptCount(0);
    DataSource dataSource;
    try {
      dataSource = (DataSource) new InitialContext().lookup(DATASOURCE);
    } catch (NamingException | ClassCastException e) {
      throw StartupFailure.report(
          "the server defines no datasource " + DATASOURCE,
          "run payara-config/post-boot-commands.asadmin with --postbootcommandfile",
          e);
    }
    StartupFailure.checkConnection(dataSource);
  }
}

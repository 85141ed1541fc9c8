package dev.betterauthjakarta.platform;

import java.sql.Connection;
import java.sql.SQLException;
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
 */
public class DatabaseCheckAtDeployment implements SessionCustomizer {
  /** The datasource the server defines (payara-config/post-boot-commands.asadmin). */
  private static final String DATASOURCE = "jdbc/betterauth";

  /**
   * Opens and closes one connection of the server's pool.
   *
   * @param session EclipseLink's session, not used
   * @throws StartupFailure when the datasource is missing or the database refuses the connection
   *     (on Payara Micro the process exits instead)
   */
  @Override
  public void customize(Session session) {
    DataSource dataSource;
    try {
      dataSource = (DataSource) new InitialContext().lookup(DATASOURCE);
    } catch (NamingException | ClassCastException e) {
      throw StartupFailure.report(
          "the server defines no datasource " + DATASOURCE,
          "run payara-config/post-boot-commands.asadmin with --postbootcommandfile",
          e);
    }
    try (Connection c = dataSource.getConnection()) {
      c.isValid(0);
    } catch (SQLException | RuntimeException e) {
      throw StartupFailure.report(
          "cannot connect to the database",
          "check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD",
          e);
    }
  }
}

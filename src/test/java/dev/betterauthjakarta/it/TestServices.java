package dev.betterauthjakarta.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (zonky binaries), an SMTP server (GreenMail) and an OpenID Connect
 * server ({@link IdentityProviderServer}) once per Failsafe run, before Arquillian boots Payara:
 * Arquillian starts the container ahead of any test class code, so a JUnit extension would be too
 * late. Inactive unless {@code embedded.services=true}, which only Failsafe sets, so unit tests
 * never start a database.
 *
 * <p>The service connects as its own role ({@code it.db.user}) with a distinctive password ({@code
 * it.db.password}, the same values the pom gives Payara as DATABASE_USER and DATABASE_PASSWORD),
 * and PostgreSQL checks that password (scram-sha-256): a deployment that lost the password on its
 * way could not start, and SecretsStayOutOfTheLogIT can look for it in the server's output. The
 * tests' own connections use the superuser {@code postgres} without a password, as zonky sets it
 * up.
 */
public class TestServices implements LauncherSessionListener {
  private static EmbeddedPostgres postgres;
  private static GreenMail greenMail;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("embedded.services") || postgres != null) {
      return;
    }
    ServerOutput.capture(); // before any server (Payara or WildFly) prints its first line
    try {
      postgres = EmbeddedPostgres.builder().setPort(Integer.getInteger("it.pg.port")).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
    createServiceRole(System.getProperty("it.db.user"), System.getProperty("it.db.password"));
    String fixture = System.getProperty("it.fixture");
    if (fixture != null) {
      loadFixture(fixture);
    }
    greenMail =
        new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", "smtp"));
    greenMail.start();
    IdentityProviderServer.start(Integer.getInteger("it.oidc.port"));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    IdentityProviderServer.stop();
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        postgres = null;
      }
    }
  }

  /**
   * The role the service connects as, owning the database's public schema, and a pg_hba.conf that
   * asks every role but the superuser for its password over TCP.
   */
  private static void createServiceRole(String user, String password) {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create role " + quoteIdentifier(user) + " login password " + quoteLiteral(password));
      s.execute("grant all on schema public to " + quoteIdentifier(user));
      s.execute("alter schema public owner to " + quoteIdentifier(user));
      Path hba = Path.of(firstValue(s, "show hba_file"));
      Files.writeString(
          hba,
          """
          local all all trust
          host all postgres 127.0.0.1/32 trust
          host all postgres ::1/128 trust
          host all all 127.0.0.1/32 scram-sha-256
          host all all ::1/128 scram-sha-256
          """);
      s.execute("select pg_reload_conf()");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not create the service's database role", e);
    }
  }

  /**
   * The process id of the PostgreSQL server (the postmaster, parent of every backend), from the
   * first line of its postmaster.pid.
   */
  public static long postmasterPid() {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      Path pidFile = Path.of(firstValue(s, "show data_directory"), "postmaster.pid");
      return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not find PostgreSQL's process", e);
    }
  }

  private static String firstValue(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String quoteLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * A database as a Better Auth server left it (its DDL and rows), with its sessions moved a week
   * forward so that they are alive when the tests use them. Loaded as the service's role, so that
   * its migration may alter those tables as it would alter its own.
   */
  private static void loadFixture(String name) {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("set role " + quoteIdentifier(System.getProperty("it.db.user")));
      s.execute(resource("/fixtures/" + name + "/schema.sql"));
      s.execute(resource("/fixtures/" + name + "/data.sql"));
      s.execute("update \"session\" set \"expiresAt\" = now() + interval '7 days'");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not load fixture " + name, e);
    }
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = TestServices.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** Another database of the same server, as its superuser. */
  public static DataSource dataSource(String database) {
    return postgres.getDatabase("postgres", database);
  }

  public static GreenMail greenMail() {
    return greenMail;
  }
}

package dev.betterauthjakarta.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
 */
public class TestServices implements LauncherSessionListener {
  private static EmbeddedPostgres postgres;
  private static GreenMail greenMail;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("embedded.services") || postgres != null) {
      return;
    }
    try {
      postgres = EmbeddedPostgres.builder().setPort(Integer.getInteger("it.pg.port")).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
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
   * A database as a Better Auth server left it (its DDL and rows), with its sessions moved a week
   * forward so that they are alive when the tests use them.
   */
  private static void loadFixture(String name) {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
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

  public static GreenMail greenMail() {
    return greenMail;
  }
}

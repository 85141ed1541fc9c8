package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret reaches the server's log: not the database password (which Payara's post-boot "set"
 * used to echo), not BETTER_AUTH_SECRET, not a user's password, session token or mailed token. The
 * server was started with a distinctive database password that PostgreSQL checks (see {@link
 * TestServices}), so the service demonstrably used it; everything its Payara processes printed
 * since boot is in {@link ServerOutput}.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsStayOutOfTheLogIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  @Test
  void noSecretAppearsInTheServerOutputAfterBootAndUse() throws IOException {
    Api api = new Api(base);
    TestUser u = TestUser.signUp(api);
    String session = u.signIn(api);
    Api.Reply wrong =
        api.post("sign-in/email")
            .json(
                Json.createObjectBuilder()
                    .add("email", u.email())
                    .add("password", "wrong-" + u.password())
                    .build())
            .send();
    assertEquals(401, wrong.status(), wrong.toString());
    Api.Reply reset =
        api.post("request-password-reset")
            .json(Json.createObjectBuilder().add("email", u.email()).build())
            .send();
    assertEquals(200, reset.status(), reset.toString());
    String mail = Mailbox.plainText(Mailbox.awaitMailsTo(u.email(), 1).get(0));
    String resetToken = mail.substring(mail.indexOf("/reset-password/") + 16).split("\\s")[0];
    assertEquals(200, api.get("reset-password/" + resetToken).send().status());
    assertEquals(200, api.get("get-session").bearer(session).send().status());
    assertEquals(400, api.post("update-user").bearer(session).json("{\"name\":").send().status());

    String output = ServerOutput.read();
    // The capture works and holds the boot.
    // (Payara Micro's "ready in", WildFly's WFLYSRV0025 "started in")
    assertTrue(
        output.contains("ready in") || output.contains("WFLYSRV0025"),
        "server output captured in " + ServerOutput.file());

    Map<String, String> secrets = new LinkedHashMap<>();
    String dbPassword = System.getProperty("it.db.password");
    secrets.put("database password", dbPassword);
    secrets.put(
        "the database password's last 8 characters",
        dbPassword.substring(Math.max(0, dbPassword.length() - 8)));
    secrets.put("BETTER_AUTH_SECRET", System.getProperty("it.secret"));
    secrets.put("a user's password", u.password());
    secrets.put("a session token", u.token());
    secrets.put("another session token", session);
    secrets.put("a mailed reset token", resetToken);
    secrets.forEach(
        (what, secret) ->
            assertFalse(
                output.contains(secret),
                what + " appears in the server output " + ServerOutput.file()));
    if (System.getProperty("wildfly.home") == null) {
      // What Payara echoes of the pool's password is the reference the post-boot file stores.
      assertTrue(
          output.contains("property.password=${ENV=DATABASE_PASSWORD}"),
          "the post-boot file stores a reference to the password, and Payara echoes that");
    } else {
      // WildFly: configure.cli stores an expression, and the configuration file holds no secret.
      String configuration =
          Files.readString(
              Path.of(
                  System.getProperty("wildfly.home"), "standalone/configuration/standalone.xml"));
      assertTrue(configuration.contains("${env.DATABASE_PASSWORD}"), "the datasource's expression");
      assertFalse(configuration.contains(dbPassword), "the database password in standalone.xml");
    }
  }
}

package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official Better Auth JavaScript client (npm better-auth 1.7.25) drives the service through
 * its main flows and its admin plugin (src/test/js/official-client.mjs), the latter as an
 * administrator this test creates. Needs Node.js and npm on the PATH; without them the test is
 * skipped, and says so.
 */
@ExtendWith(ArquillianExtension.class)
class OfficialClientIT {
  private static final Path SOURCES = Path.of("src/test/js");
  private static final Path WORK = Path.of("target/official-client");

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  @Test
  void theOfficialClientSignsUpLinksUnlinksSignsInRevokesSignsOutDeletesSignsInSociallyAdministers()
      throws Exception {
    Assumptions.assumeTrue(
        runs("node", "--version") && runs(npm(), "--version"),
        "Node.js/npm not found on the PATH: skipping the official Better Auth client test");
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "package-lock.json", "official-client.mjs")) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(WORK.resolve("node_modules/better-auth"))) {
      Result install = run(180, npm(), "ci", "--no-audit", "--no-fund", "--loglevel=error");
      assertEquals(0, install.exit(), "npm ci failed:\n" + install.output());
    }
    String baseUrl = base.toString().replaceAll("/$", "");
    TestUser admin = Admins.create(new Api(base)); // the admin steps sign in as this user
    String runId = Long.toString(System.nanoTime(), 36);
    String linkToken =
        IdentityProviderServer.idToken(
            "mock",
            IdentityProviderServer.CLIENT_ID,
            IdentityProviderServer.user(
                "client-link-" + runId, "client-new-" + runId + "@example.com", true),
            Duration.ofMinutes(10));
    String socialToken =
        IdentityProviderServer.idToken(
            "mock",
            IdentityProviderServer.CLIENT_ID,
            IdentityProviderServer.user(
                "client-social-" + runId, "client-social-" + runId + "@example.com", true),
            Duration.ofMinutes(10));
    Result client =
        run(
            120,
            "node",
            "official-client.mjs",
            baseUrl,
            BrowserIT.APP,
            runId,
            linkToken,
            socialToken,
            admin.email(),
            admin.password());
    System.out.println(client.output());
    assertEquals(0, client.exit(), client.output());
    assertTrue(client.output().contains("all steps passed"), client.output());
  }

  private record Result(int exit, String output) {}

  private static String npm() {
    return System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm";
  }

  private static boolean runs(String... command) {
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Result run(int timeoutSeconds, String... command) throws Exception {
    File log = Files.createTempFile("official-client", ".log").toFile();
    Process p =
        new ProcessBuilder(command)
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(
          -1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(log.toPath()));
    }
    return new Result(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
  }
}

package dev.betterauthjakarta.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every integration test deploys: the WAR that {@code mvn package} built, as users get
 * it, not a hand-picked list of classes. Deployed as ROOT so routes sit at /api/auth.
 */
public final class Deployments {
  private static final File WAR = new File("target/better-auth-jakarta.war");

  private Deployments() {}

  public static WebArchive realWar() {
    if (!WAR.isFile()) {
      throw new IllegalStateException(WAR + " is missing: run the tests through mvn verify");
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(WAR).as(WebArchive.class);
  }

  /**
   * The real WAR with every optional behaviour the suite checks switched the other way: the
   * account-management plugin off, email verification required, email changes approved by the
   * current address, deletion confirmed by mail, linking copying the provider's name and picture,
   * and an https base URL (so cookies are {@code __Secure-} prefixed; the default deployment keeps
   * the default http://localhost:8080). One archive for all variant test classes, so they share one
   * Payara process (see {@link SharedPayaraMicro}); each class only tests the settings it is about.
   */
  public static WebArchive variant() {
    return realWarConfiguredWith(
        """
        better.auth.account-management.enabled=false
        better.auth.email-verification.required=true
        better.auth.email-change.confirm-with-current-email=true
        better.auth.delete-user.confirm-by-email=true
        better.auth.url=https://localhost:8080
        better.auth.account-linking.update-user-info-on-link=true
        """);
  }

  /**
   * The real WAR with settings added to its microprofile-config.properties (the WAR's own lines,
   * such as the OpenAPI settings, are kept).
   */
  private static WebArchive realWarConfiguredWith(String properties) {
    WebArchive war = realWar();
    Node own = war.get("WEB-INF/classes/" + CONFIG);
    String kept = "";
    if (own != null && own.getAsset() != null) {
      try (InputStream in = own.getAsset().openStream()) {
        kept = new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return war.addAsResource(new StringAsset(kept + properties), CONFIG);
  }

  private static final String CONFIG = "META-INF/microprofile-config.properties";
}

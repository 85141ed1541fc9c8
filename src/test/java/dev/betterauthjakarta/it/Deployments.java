package dev.betterauthjakarta.it;

import java.io.File;
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
   * The real WAR with settings baked into its microprofile-config.properties, for a deployment that
   * needs another configuration (e.g. the plugin switched off).
   */
  public static WebArchive realWarConfiguredWith(String properties) {
    return realWar()
        .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
  }
}
